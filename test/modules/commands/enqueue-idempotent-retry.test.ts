import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentWithAgent, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

// Every plan gets one restart a minute, so the second request of the test is over the limit.
const ONE_RESTART = JSON.stringify(
  Object.fromEntries(['free', 'basic', 'plus', 'pro', 'enterprise'].map((plan) => [plan, { restart: 1 }])),
);

let t: TestApp;
let f: Fixture;
beforeAll(async () => {
  t = await buildTestApp({ env: { RATE_LIMITS: ONE_RESTART } });
  f = await deploymentWithAgent(t, { capabilities: ['status_panel', 'docker', 'logs'] });
});
afterAll(() => t.close());

describe('Idempotency-Key and rate limits', () => {
  it('a retry after the limit is spent returns the first reply, not 429', async () => {
    const body = { deployment_hash: f.hash, command_type: 'restart', parameters: { app_code: 'web' } };
    const send = (key?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/commands',
        headers: key ? { ...f.owner, 'idempotency-key': key } : f.owner,
        payload: body,
      });
    const first = await send('cli-retry-1');
    expect(first.statusCode).toBe(201);
    const retry = await send('cli-retry-1');
    expect(retry.statusCode).toBe(201);
    expect(retry.json().item.command_id).toBe(first.json().item.command_id);
    const fresh = await send();
    expect(fresh.statusCode).toBe(429);
    expect(fresh.headers['retry-after']).toBeDefined();
  });
});
