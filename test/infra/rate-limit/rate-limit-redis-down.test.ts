import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer } from '../../helpers/auth.js';
import { OWNED, RATE_LIMIT_TEST_POLICY, rateLimitTestRoutes } from './test-routes.js';

/** A loopback port nobody listens on: connections are refused at once, like a Redis that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('plan rate limits while Redis is down', () => {
  let t: TestApp;

  beforeAll(async () => {
    const port = await closedPort();
    t = await buildTestApp({
      env: { REDIS_URL: `redis://127.0.0.1:${port}` },
      policy: RATE_LIMIT_TEST_POLICY,
      routes: rateLimitTestRoutes,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('fails open to this process’s counters: requests pass and the limit still holds', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push(
        (
          await t.app.inject({
            method: 'POST',
            url: `/test/rl/${OWNED.freeA}/restart`,
            headers: bearer('customerFree'),
          })
        ).statusCode,
      );
    }
    expect(codes).toEqual([200, 200, 200, 429]);
    const errors = await t.app.metrics.getSingleMetricAsString('stacker_rate_limit_store_errors_total');
    expect(errors).toMatch(/stacker_rate_limit_store_errors_total 4\b/);
  });

  it('reports Redis as down on /health_check without failing it', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/health_check' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'degraded', checks: { db: 'ok', redis: 'down' } });
  });
});
