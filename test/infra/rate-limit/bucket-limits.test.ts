import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/auth/principal.js';
import { rateLimitSubject } from '../../../src/auth/rate-limit-subject.js';
import type { RateLimitBucket } from '../../../src/config.js';
import { bucketLimit, rateLimitKey } from '../../../src/infra/rate-limit/bucket-limits.js';
import { limiterPlacement } from '../../../src/infra/rate-limit/placement.js';
import { testConfig } from '../../helpers/config.js';

const config = testConfig();

describe('bucketLimit: the contract table after plan normalisation', () => {
  it.each<[string | null, RateLimitBucket, number]>([
    ['free', 'deploy', 5],
    ['free', 'restart', 3],
    ['free', 'logs', 10],
    ['basic', 'restart', 5],
    ['plan-basic-monthly', 'logs', 20],
    ['plan-plus-yearly', 'deploy', 10],
    ['pro', 'restart', 10],
    ['Professional', 'logs', 40],
    ['team', 'deploy', 20],
    ['plan-pro-monthly', 'restart', 10],
    ['enterprise', 'restart', 30],
    ['plan-individual-x', 'logs', 120],
    ['gold', 'restart', 3],
    ['', 'deploy', 5],
    [null, 'logs', 10],
  ])('%s / %s → %i', (plan, bucket, limit) => {
    expect(bucketLimit(plan, bucket, config)).toBe(limit);
  });

  it('takes RATE_LIMITS and PLAN_ALIASES overrides', () => {
    const custom = testConfig({
      RATE_LIMITS: JSON.stringify({ free: { restart: 7 }, gold: { logs: 99 } }),
      PLAN_ALIASES: JSON.stringify({ 'vip-*': 'gold' }),
    });
    expect(bucketLimit('free', 'restart', custom)).toBe(7);
    expect(bucketLimit('free', 'deploy', custom)).toBe(5);
    expect(bucketLimit('vip-2030', 'logs', custom)).toBe(99);
    // A plan added by RATE_LIMITS takes the contract's free limits for the buckets it does not name.
    expect(bucketLimit('vip-2030', 'restart', custom)).toBe(3);
  });
});

describe('rateLimitKey and rateLimitSubject', () => {
  const user = { kind: 'user', id: '42', plan: 'pro' } as const;

  it.each<[RateLimitBucket, string | undefined, string]>([
    ['restart', 'abc', 'restart:u:42:d:abc'],
    ['logs', 'abc', 'logs:u:42:d:abc'],
    ['deploy', 'abc', 'deploy:u:42'],
    ['restart', undefined, 'restart:u:42'],
  ])('%s with hash %s → %s', (bucket, hash, key) => {
    expect(rateLimitKey(bucket, user, hash)).toBe(key);
  });

  it('counts anonymous callers by address and exempts agents and service clients', () => {
    expect(rateLimitKey('logs', { kind: 'ip', ip: '10.0.0.1' }, 'h')).toBe('logs:ip:10.0.0.1:d:h');
    expect(rateLimitSubject({ kind: 'anonymous', subject: 'anonym' }, '10.0.0.1')).toEqual({
      kind: 'ip',
      ip: '10.0.0.1',
    });
    const agent: Principal = { kind: 'agent', subject: 'agent', agent: { id: 'a', deploymentHash: 'h' } };
    const client: Principal = { kind: 'client', subject: 'client', client: { id: 1, name: 'c', scopes: [] } };
    expect(rateLimitSubject(agent, '10.0.0.1')).toBeUndefined();
    expect(rateLimitSubject(client, '10.0.0.1')).toBeUndefined();
  });
});

describe('limiterPlacement', () => {
  it('counts in preHandler by default on a route without parameters', () => {
    expect(limiterPlacement('/api/v1/deployments', 'deploy', undefined)).toBe('preHandler');
  });

  it('takes an explicit placement', () => {
    expect(limiterPlacement('/x/:deployment_hash/logs', 'logs', 'service')).toBe('service');
    expect(limiterPlacement('/x/:deployment_hash/logs', 'logs', 'preHandler')).toBe('preHandler');
  });

  it('refuses a route with parameters that does not say where it counts (404 first)', () => {
    expect(() => limiterPlacement('/x/:deployment_hash/restart', 'restart', undefined)).toThrow(
      /rateLimitAt/,
    );
    expect(() => limiterPlacement('/api/templates/:slug/install', 'deploy', undefined)).toThrow(
      /rateLimitAt/,
    );
  });

  it('refuses an unknown bucket or placement', () => {
    expect(() => limiterPlacement('/x', 'backup', undefined)).toThrow(/deploy, restart, logs/);
    expect(() => limiterPlacement('/x', 'logs', 'onRequest' as never)).toThrow(/rateLimitAt/);
  });
});
