import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMIT_WINDOW_MS } from '../../../src/infra/rate-limit/bucket-limits.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { requireRedis, testRedisUrl } from '../../helpers/redis.js';
import { OWNED, RATE_LIMIT_TEST_POLICY, rateLimitTestRoutes } from './test-routes.js';

const redisUrl = testRedisUrl;
const redisUp = await requireRedis('the Redis rate-limit tests');

const restart = (app: FastifyInstance, hash: string) =>
  app.inject({ method: 'POST', url: `/test/rl/${hash}/restart`, headers: bearer('customerFree') });

describe.skipIf(!redisUp)('plan rate limits shared through Redis', () => {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  let first: TestApp;
  let second: TestApp;
  const prefixes: string[] = [];

  // A prefix per test: parallel files and earlier runs never share a counter with this one.
  async function twoInstances(): Promise<[TestApp, TestApp, string]> {
    const prefix = `stacker-test:${randomUUID()}:`;
    prefixes.push(prefix);
    const env = { REDIS_URL: redisUrl, RATE_LIMIT_KEY_PREFIX: prefix };
    first = await buildTestApp({ env, policy: RATE_LIMIT_TEST_POLICY, routes: rateLimitTestRoutes });
    second = await buildTestApp({
      env,
      database: first.database,
      userService: first.userService,
      policy: RATE_LIMIT_TEST_POLICY,
      routes: rateLimitTestRoutes,
    });
    return [first, second, prefix];
  }

  beforeAll(async () => {
    await redis.connect();
  });
  afterEach(async () => {
    await second?.close();
    await first?.close();
  });
  afterAll(async () => {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    await redis.quit();
  });

  it('shares one counter between two instances', async () => {
    const [a, b, prefix] = await twoInstances();
    const health = await a.app.inject({ method: 'GET', url: '/health_check' });
    expect(health.json().checks.redis).toBe('ok');

    const replies = [
      await restart(a.app, OWNED.freeA),
      await restart(b.app, OWNED.freeA),
      await restart(a.app, OWNED.freeA),
    ];
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(replies.map((r) => r.headers['ratelimit-remaining'])).toEqual(['2', '1', '0']);

    const fourth = await restart(b.app, OWNED.freeA);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(fourth.headers['retry-after'])).toBeLessThanOrEqual(RATE_LIMIT_WINDOW_MS / 1000);
    expect((await restart(a.app, OWNED.freeA)).statusCode).toBe(429);

    // The counter is one Redis key per bucket, user and deployment, expiring with the window.
    const key = `${prefix}restart:u:${userId('customerFree')}:d:${OWNED.freeA}`;
    expect(await redis.get(key)).toBe('5');
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(RATE_LIMIT_WINDOW_MS);
  });

  it('shares the service-checked path too, and keeps 404 first', async () => {
    const [a, b] = await twoInstances();
    const logs = (app: FastifyInstance, hash: string) =>
      app.inject({ method: 'GET', url: `/test/rl/${hash}/logs`, headers: bearer('customerFree') });
    for (let i = 0; i < 5; i++) expect((await logs(a.app, OWNED.freeA)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await logs(b.app, OWNED.freeA)).statusCode).toBe(200);
    expect((await logs(a.app, OWNED.freeA)).statusCode).toBe(429);
    expect((await logs(b.app, OWNED.pro)).statusCode).toBe(404);
  });
});
