import { afterEach, describe, expect, it } from 'vitest';
import { DEV_CLIENT } from '../../../dev/user-service/seed.js';
import { startUserServiceEmulator } from '../../../dev/user-service/server.js';
import { createUserServiceClient } from '../../../src/integrations/user-service/client.js';
import { manualClock, startHarness } from './harness.js';

const TOKEN = '/oauth_server/token';
const CATEGORY = '/api/1.0/category';
const credentials = { serviceToken: undefined, ...DEV_CLIENT };
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function harnessWith(client: Parameters<typeof startHarness>[0] = {}) {
  const h = await startHarness(client);
  cleanups.push(h.close);
  return h;
}

describe('client credentials', () => {
  it('fetches one token for many calls, concurrent ones included', async () => {
    const h = await harnessWith({ client: credentials });
    await Promise.all(Array.from({ length: 8 }, () => h.client.listCategories()));
    await h.client.findTemplateProduct('tpl-1');
    await h.client.listCategories();
    expect(h.state.calls(TOKEN)).toBe(1);
    expect(h.state.calls(CATEGORY)).toBe(9);
  });

  it('refreshes a minute before the token expires', async () => {
    const clock = manualClock();
    const h = await harnessWith({ client: { ...credentials, now: clock.now } });
    await h.client.listCategories();
    clock.advance((3600 - 61) * 1000);
    await h.client.listCategories();
    expect(h.state.calls(TOKEN)).toBe(1);
    clock.advance(1000);
    await h.client.listCategories();
    expect(h.state.calls(TOKEN)).toBe(2);
  });

  it('refreshes once on a 401 from a service call and retries it', async () => {
    const h = await harnessWith({ client: credentials });
    await h.client.listCategories();
    h.state.failNext(1, 401, { path: CATEGORY });
    await expect(h.client.listCategories()).resolves.toHaveLength(4);
    expect(h.state.calls(TOKEN)).toBe(2);
    expect(h.state.calls(CATEGORY)).toBe(3);
  });

  it('refreshes only once when the fresh token is refused too', async () => {
    const h = await harnessWith({ client: credentials });
    h.state.failNext(2, 401, { path: CATEGORY });
    await expect(h.client.listCategories()).rejects.toMatchObject({ reason: 'credentials', status: 401 });
    expect(h.state.calls(TOKEN)).toBe(2);
    expect(h.state.calls(CATEGORY)).toBe(2);
  });

  it('refreshes once on a 401 from the webhook', async () => {
    const h = await harnessWith({ client: credentials });
    h.state.failNext(1, 401, { path: '/marketplace/sync' });
    const reply = await h.client.postMarketplaceSync('not json');
    expect(reply.status).toBe(400);
    expect(h.state.calls(TOKEN)).toBe(2);
  });

  it('wins over a static token when both are set', async () => {
    const h = await harnessWith({ client: { serviceToken: 'not-a-valid-token', ...DEV_CLIENT } });
    await expect(h.client.listCategories()).resolves.toHaveLength(4);
    expect(h.state.calls(TOKEN)).toBe(1);
  });

  it('reports refused client credentials as unavailable', async () => {
    const h = await harnessWith({ client: { ...credentials, clientSecret: 'wrong' } });
    await expect(h.client.listCategories()).rejects.toMatchObject({ reason: 'credentials', status: 401 });
    expect(h.state.calls(CATEGORY)).toBe(0);
  });

  it('uses a token URL on another host when configured', async () => {
    const issuer = await startUserServiceEmulator();
    const h = await harnessWith({ client: { ...credentials, tokenUrl: `${issuer.url}${TOKEN}` } });
    cleanups.push(() => issuer.close());
    // The issuer's tokens are unknown to the API emulator: the point is where the grant was sent.
    await expect(h.client.listCategories()).rejects.toMatchObject({ reason: 'credentials' });
    expect(issuer.state.calls(TOKEN)).toBe(2);
    expect(h.state.calls(TOKEN)).toBe(0);
  });
});

describe('static token and no credential', () => {
  it('does not refresh a static token on 401', async () => {
    const h = await harnessWith();
    h.state.failNext(1, 401, { path: CATEGORY });
    await expect(h.client.listCategories()).rejects.toMatchObject({ reason: 'credentials' });
    expect(h.state.calls(CATEGORY)).toBe(1);
    expect(h.state.calls(TOKEN)).toBe(0);
  });

  it('fails service calls clearly when no credential is configured, but still reads /me', async () => {
    const emulator = await startUserServiceEmulator();
    const client = createUserServiceClient({ baseUrl: emulator.url });
    cleanups.push(async () => {
      await client.close();
      await emulator.close();
    });
    await expect(client.listCategories()).rejects.toMatchObject({ reason: 'credentials' });
    await expect(client.getMe('dev-admin-token')).resolves.toMatchObject({ role: 'group_admin' });
    expect(emulator.state.calls(CATEGORY)).toBe(0);
  });
});
