import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { RATE_LIMIT_WINDOW_MS } from '../../../src/infra/rate-limit/bucket-limits.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, type DevUser } from '../../helpers/auth.js';
import { OWNED, RATE_LIMIT_TEST_POLICY, rateLimitTestRoutes } from './test-routes.js';

const restart = (app: FastifyInstance, user: DevUser, hash: string) =>
  app.inject({ method: 'POST', url: `/test/rl/${hash}/restart`, headers: bearer(user) });

async function times(n: number, call: () => Promise<LightMyRequestResponse>) {
  const replies: LightMyRequestResponse[] = [];
  for (let i = 0; i < n; i++) replies.push(await call());
  return replies;
}

function expectRateLimited(res: LightMyRequestResponse, limit: number) {
  expect(res.statusCode).toBe(429);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status: 429, code: 'rate_limited' });
  expect(res.headers['ratelimit-limit']).toBe(String(limit));
  expect(res.headers['ratelimit-remaining']).toBe('0');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(RATE_LIMIT_WINDOW_MS / 1000);
  expect(res.headers['ratelimit-reset']).toBe(String(retryAfter));
}

describe('plan rate limits, in-memory counters (no REDIS_URL)', () => {
  const clock = new ManualClock(new Date('2030-01-01T00:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp({ clock, policy: RATE_LIMIT_TEST_POLICY, routes: rateLimitTestRoutes });
  });
  afterAll(async () => {
    await t?.close();
  });
  // Every test starts in a fresh window: the memory counters read the app clock.
  beforeEach(() => clock.advance(RATE_LIMIT_WINDOW_MS));

  it('answers the free plan 429 on the 4th restart in a minute, with Retry-After and RateLimit-*', async () => {
    const replies = await times(4, () => restart(t.app, 'customerFree', OWNED.freeA));
    expect(replies.slice(0, 3).map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(replies.slice(0, 3).map((r) => r.headers['ratelimit-remaining'])).toEqual(['2', '1', '0']);
    expect(replies[0]?.headers['ratelimit-limit']).toBe('3');
    expectRateLimited(replies[3]!, 3);
    // The window is the app clock's: a full minute is left, and it shrinks as the clock moves.
    expect(replies[3]?.headers['retry-after']).toBe('60');
    clock.advance(15_000);
    expect((await restart(t.app, 'customerFree', OWNED.freeA)).headers['retry-after']).toBe('45');
  });

  it('opens a new window after a minute', async () => {
    await times(3, () => restart(t.app, 'customerFree', OWNED.freeA));
    expect((await restart(t.app, 'customerFree', OWNED.freeA)).statusCode).toBe(429);
    clock.advance(RATE_LIMIT_WINDOW_MS);
    expect((await restart(t.app, 'customerFree', OWNED.freeA)).statusCode).toBe(200);
  });

  it('gives the pro plan (plan-pro-monthly) 10 restarts', async () => {
    const replies = await times(11, () => restart(t.app, 'customerPro', OWNED.pro));
    expect(replies.slice(0, 10).every((r) => r.statusCode === 200)).toBe(true);
    expect(replies[0]?.headers['ratelimit-limit']).toBe('10');
    expectRateLimited(replies[10]!, 10);
  });

  it('keeps separate counters per deployment and per user', async () => {
    await times(3, () => restart(t.app, 'customerFree', OWNED.freeA));
    expect((await restart(t.app, 'customerFree', OWNED.freeA)).statusCode).toBe(429);
    expect((await restart(t.app, 'customerFree', OWNED.freeB)).statusCode).toBe(200);
    // Another user on the same hash has their own budget.
    const other = await restart(t.app, 'customerPro', OWNED.freeA);
    expect(other.statusCode).toBe(200);
    expect(other.headers['ratelimit-remaining']).toBe('9');
  });

  it('keys the deploy bucket by user only (free: 5 a minute)', async () => {
    const deploy = (user: DevUser) =>
      t.app.inject({ method: 'POST', url: '/test/rl/deploy', headers: bearer(user) });
    const replies = await times(6, () => deploy('customerFree'));
    expect(replies.slice(0, 5).map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expectRateLimited(replies[5]!, 5);
    expect((await deploy('customerPro')).statusCode).toBe(201);
  });

  it('shares one bucket across routes: restarts through the enqueue route count too', async () => {
    const enqueue = (commandType: string) =>
      t.app.inject({
        method: 'POST',
        url: '/test/rl/enqueue',
        headers: bearer('customerFree'),
        payload: { deployment_hash: OWNED.freeA, command_type: commandType },
      });
    await times(2, () => restart(t.app, 'customerFree', OWNED.freeA));
    const third = await enqueue('restart');
    expect(third.statusCode).toBe(201);
    expect(third.headers['ratelimit-remaining']).toBe('0');
    expectRateLimited(await enqueue('restart'), 3);
    expect((await restart(t.app, 'customerFree', OWNED.freeA)).statusCode).toBe(429);
    // A command outside every bucket is not limited.
    expect((await enqueue('health')).statusCode).toBe(201);
  });

  it('answers 404, never 429, for a deployment that is not the caller’s (404 first)', async () => {
    const logs = (user: DevUser, hash: string) =>
      t.app.inject({ method: 'GET', url: `/test/rl/${hash}/logs`, headers: bearer(user) });
    const foreign = await times(15, () => logs('customerFree', OWNED.pro));
    expect(new Set(foreign.map((r) => r.statusCode))).toEqual(new Set([404]));
    expect(foreign.every((r) => r.headers['ratelimit-limit'] === undefined)).toBe(true);
    // The 404s spent nothing: the owner's own budget (free logs: 10) is whole.
    const own = await times(11, () => logs('customerFree', OWNED.freeA));
    expect(own.slice(0, 10).map((r) => r.headers['ratelimit-remaining'])).toEqual([
      '9',
      '8',
      '7',
      '6',
      '5',
      '4',
      '3',
      '2',
      '1',
      '0',
    ]);
    expectRateLimited(own[10]!, 10);
    // Even with the budget spent, someone else's deployment stays a 404.
    expect((await logs('customerFree', OWNED.pro)).statusCode).toBe(404);
  });

  it('fails a service-checked route whose service forgot rateLimitCheck (outside production)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/test/rl/${OWNED.freeA}/forgot`,
      headers: bearer('customerFree'),
    });
    expect(res.statusCode).toBe(500);
    const metric = await t.app.metrics.getSingleMetricAsString('stacker_rate_limit_unchecked_total');
    expect(metric).toContain('route="/test/rl/:deployment_hash/forgot"} 1');
  });

  it('counts 429s per bucket and reports Redis as not configured', async () => {
    await times(4, () => restart(t.app, 'customerFree', OWNED.freeB));
    const metric = await t.app.metrics.getSingleMetricAsString('stacker_rate_limit_exceeded_total');
    expect(metric).toMatch(/bucket="restart"} [1-9]/);
    const health = await t.app.inject({ method: 'GET', url: '/health_check' });
    expect(health.json().checks.redis).toBe('not_configured');
  });

  it('does not share in-memory counters between two instances', async () => {
    const second = await buildTestApp({
      clock,
      database: t.database,
      policy: RATE_LIMIT_TEST_POLICY,
      routes: rateLimitTestRoutes,
    });
    try {
      await times(3, () => restart(t.app, 'customerFree', OWNED.freeA));
      expect((await restart(t.app, 'customerFree', OWNED.freeA)).statusCode).toBe(429);
      expect((await restart(second.app, 'customerFree', OWNED.freeA)).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('plan rate limits from configuration', () => {
  it('applies a RATE_LIMITS override and gives an unknown plan the free limits', async () => {
    const t = await buildTestApp({
      env: {
        RATE_LIMITS: JSON.stringify({ free: { restart: 1 }, pro: { restart: 2 } }),
        // plan-pro-monthly now normalises to a plan the table does not know.
        PLAN_ALIASES: JSON.stringify({ 'plan-pro-*': 'gold' }),
      },
      policy: RATE_LIMIT_TEST_POLICY,
      routes: rateLimitTestRoutes,
    });
    try {
      const free = await times(2, () => restart(t.app, 'customerFree', OWNED.freeA));
      expect(free.map((r) => r.statusCode)).toEqual([200, 429]);
      expect(free[1]?.headers['ratelimit-limit']).toBe('1');
      const gold = await times(2, () => restart(t.app, 'customerPro', OWNED.pro));
      expect(gold.map((r) => r.statusCode)).toEqual([200, 429]);
      // The vendor's plain "pro" still maps to pro, whose override is 2.
      const pro = await times(3, () => restart(t.app, 'vendor', OWNED.pro));
      expect(pro.map((r) => r.statusCode)).toEqual([200, 200, 429]);
    } finally {
      await t.close();
    }
  });
});
