import { afterEach, describe, expect, it } from 'vitest';
import { DEV_TOKENS } from '../../../dev/user-service/seed.js';
import { startUserServiceEmulator } from '../../../dev/user-service/server.js';
import { UserServiceUnavailableError } from '../../../src/integrations/user-service/errors.js';
import { sleep, waitUntil } from '../../helpers/wait.js';
import { manualClock, startHarness } from './harness.js';

const CATEGORY = '/api/1.0/category';
const SYNC = '/marketplace/sync';
let harness: Awaited<ReturnType<typeof startHarness>> | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('retries', () => {
  it('retries an idempotent GET on 503 and then succeeds', async () => {
    harness = await startHarness();
    harness.state.failNext(2, 503, { path: CATEGORY });
    await expect(harness.client.listCategories()).resolves.toHaveLength(4);
    expect(harness.state.calls(CATEGORY)).toBe(3);
  });

  it('gives up after two retries with unavailable, carrying the status', async () => {
    harness = await startHarness();
    harness.state.failNext(3, 502, { path: CATEGORY });
    await expect(harness.client.listCategories()).rejects.toMatchObject({
      name: 'UserServiceUnavailableError',
      reason: 'status',
      status: 502,
    });
    expect(harness.state.calls(CATEGORY)).toBe(3);
  });

  it('does not retry a 500, which is not a gateway failure', async () => {
    harness = await startHarness();
    harness.state.failNext(1, 500, { path: '/oauth_server/api/me' });
    await expect(harness.client.getMe(DEV_TOKENS.admin)).rejects.toBeInstanceOf(UserServiceUnavailableError);
    expect(harness.state.calls('/oauth_server/api/me')).toBe(1);
  });

  it('never retries the POST webhook', async () => {
    harness = await startHarness();
    harness.state.failNext(1, 503, { path: SYNC });
    const reply = await harness.client.postMarketplaceSync('{}');
    expect(reply.status).toBe(503);
    expect(harness.state.calls(SYNC)).toBe(1);
  });
});

describe('timeouts and outages', () => {
  it('turns a slow reply into unavailable (timeout) and does not retry it', async () => {
    const h = await startHarness({ client: { timeouts: { requestMs: 50 } } });
    harness = h;
    h.state.setLatency(1_000);
    await expect(h.client.listCategories()).rejects.toMatchObject({ reason: 'timeout' });
    // On a loaded machine the 50 ms timeout can fire before the emulator has read the request: wait for
    // that one arrival, then give a retry time to show up (none may).
    await waitUntil(() => h.state.calls(CATEGORY) >= 1, 'the request at the emulator');
    await sleep(100, 'a quiet period: a retry would arrive now');
    expect(h.state.calls(CATEGORY)).toBe(1);
  });

  it('uses the longer webhook timeout for the sync call', async () => {
    harness = await startHarness({ client: { timeouts: { requestMs: 20, webhookMs: 2_000 } } });
    harness.state.setLatency(100);
    const reply = await harness.client.postMarketplaceSync('{}');
    expect(reply.status).toBe(400);
    await expect(harness.client.listCategories()).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('reports a stopped service as unavailable and recovers when it is back on the same port', async () => {
    harness = await startHarness();
    await harness.client.listCategories();
    const { port } = harness.emulator;
    await harness.emulator.close();

    await expect(harness.client.listCategories()).rejects.toMatchObject({ reason: 'network' });

    const restarted = await startUserServiceEmulator({ port });
    try {
      await expect(harness.client.listCategories()).resolves.toHaveLength(4);
      expect(restarted.state.calls(CATEGORY)).toBe(1);
    } finally {
      await restarted.close();
    }
  });
});

describe('circuit breaker', () => {
  async function breakerHarness() {
    const clock = manualClock();
    const h = await startHarness({
      client: { retryDelaysMs: [], breaker: { failureThreshold: 2, cooldownMs: 10_000 }, now: clock.now },
    });
    return { clock, h };
  }

  it('opens after consecutive failures, fails fast, and closes after the cool-down', async () => {
    const { clock, h } = await breakerHarness();
    harness = h;
    h.state.failNext(2, 503, { path: CATEGORY });
    await expect(h.client.listCategories()).rejects.toMatchObject({ reason: 'status' });
    await expect(h.client.listCategories()).rejects.toMatchObject({ reason: 'status' });
    expect(h.client.circuitState()).toBe('open');

    await expect(h.client.getMe(DEV_TOKENS.admin)).rejects.toMatchObject({ reason: 'circuit_open' });
    expect(h.state.calls()).toBe(2);

    clock.advance(10_000);
    expect(h.client.circuitState()).toBe('half_open');
    await expect(h.client.listCategories()).resolves.toHaveLength(4);
    expect(h.client.circuitState()).toBe('closed');
  });

  it('does not count refusals of a bad user token as failures', async () => {
    const { h } = await breakerHarness();
    harness = h;
    for (let i = 0; i < 4; i += 1)
      await expect(h.client.getMe('bad-token')).rejects.toMatchObject({ status: 401 });
    expect(h.client.circuitState()).toBe('closed');
  });

  it('stops retrying as soon as the breaker opens', async () => {
    const clock = manualClock();
    harness = await startHarness({
      client: { retryDelaysMs: [1, 1], breaker: { failureThreshold: 2 }, now: clock.now },
    });
    harness.state.failNext(3, 503, { path: CATEGORY });
    await expect(harness.client.listCategories()).rejects.toMatchObject({ reason: 'circuit_open' });
    expect(harness.state.calls(CATEGORY)).toBe(2);
  });
});
