import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEV_CLIENT, DEV_SERVICE_TOKEN, DEV_TOKENS, DEV_USER_IDS } from '../../dev/user-service/seed.js';
import { startUserServiceEmulator, type UserServiceEmulator } from '../../dev/user-service/server.js';
import { approvedEvent } from '../integrations/user-service/harness.js';

let emulator: UserServiceEmulator;
const service = { authorization: `Bearer ${DEV_SERVICE_TOKEN}` };

beforeEach(async () => {
  emulator = await startUserServiceEmulator();
});
afterEach(async () => {
  await emulator.close();
});

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${emulator.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}) {
  return call('/oauth_server/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

describe('seeded users', () => {
  it.each([
    [DEV_TOKENS.admin, DEV_USER_IDS.admin, 'group_admin', 'enterprise'],
    [DEV_TOKENS.vendor, DEV_USER_IDS.vendor, 'group_user', 'pro'],
    [DEV_TOKENS.customerFree, DEV_USER_IDS.customerFree, 'group_user', 'free'],
    [DEV_TOKENS.customerPro, DEV_USER_IDS.customerPro, 'group_user', 'plan-pro-monthly'],
  ])('/me for %s', async (token, id, role, plan) => {
    const { status, body } = await call('/oauth_server/api/me', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ user: { _id: id, role, plan: { name: plan }, products: [] } });
  });

  it('answers 401 invalid_token for an unknown, missing or revoked token', async () => {
    expect(await call('/oauth_server/api/me', { headers: { authorization: 'Bearer nope' } })).toEqual({
      status: 401,
      body: { error: 'invalid_token' },
    });
    expect((await call('/oauth_server/api/me')).status).toBe(401);
    emulator.state.revokeToken(DEV_TOKENS.admin);
    const revoked = await call('/oauth_server/api/me', {
      headers: { authorization: `Bearer ${DEV_TOKENS.admin}` },
    });
    expect(revoked.status).toBe(401);
  });
});

describe('client-credentials grant', () => {
  it('issues an hour-long token that works as a service bearer', async () => {
    const { status, body } = await tokenRequest({ grant_type: 'client_credentials', ...toForm(DEV_CLIENT) });
    expect(status).toBe(200);
    const { access_token: accessToken, expires_in: expiresIn } = body as {
      access_token: string;
      expires_in: number;
    };
    expect(expiresIn).toBe(3600);
    expect(
      (await call('/api/1.0/category', { headers: { authorization: `Bearer ${accessToken}` } })).status,
    ).toBe(200);
    emulator.state.revokeToken(accessToken);
    expect(
      (await call('/api/1.0/category', { headers: { authorization: `Bearer ${accessToken}` } })).status,
    ).toBe(401);
  });

  it('accepts the client in HTTP Basic too', async () => {
    const basic = Buffer.from(`${DEV_CLIENT.clientId}:${DEV_CLIENT.clientSecret}`).toString('base64');
    const { status } = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${basic}` },
    );
    expect(status).toBe(200);
  });

  it('refuses a wrong secret and another grant type', async () => {
    const wrong = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'stacker',
      client_secret: 'x',
    });
    expect(wrong).toEqual({ status: 401, body: { error: 'invalid_client' } });
    const password = await tokenRequest({ grant_type: 'password', ...toForm(DEV_CLIENT) });
    expect(password.status).toBe(400);
  });
});

function toForm(client: typeof DEV_CLIENT) {
  return { client_id: client.clientId, client_secret: client.clientSecret };
}

describe('service reads', () => {
  it('requires a service bearer (a user token is not one)', async () => {
    expect((await call('/api/1.0/category')).status).toBe(401);
    const asUser = await call('/api/1.0/products', {
      headers: { authorization: `Bearer ${DEV_TOKENS.admin}` },
    });
    expect(asUser.status).toBe(401);
  });

  it('lists the seeded categories as {_items}', async () => {
    const { body } = await call('/api/1.0/category', { headers: service });
    expect(body).toMatchObject({
      _items: expect.arrayContaining([{ _id: 1, name: 'web', title: 'Web apps', priority: 1 }]),
    });
  });

  it('filters products by every key of the where JSON', async () => {
    await postJson('/marketplace/sync', approvedEvent('tpl-1'), service);
    await postJson('/marketplace/sync', approvedEvent('tpl-2', { event_id: 'other' }), service);
    const where = (w: unknown) => `/api/1.0/products?where=${encodeURIComponent(JSON.stringify(w))}`;
    const one = await call(where({ external_id: 'tpl-2', product_type: 'template' }), { headers: service });
    expect((one.body as { _items: Array<{ external_id: string }> })._items.map((p) => p.external_id)).toEqual(
      ['tpl-2'],
    );
    const none = await call(where({ external_id: 'tpl-2', product_type: 'plan' }), { headers: service });
    expect(none.body).toEqual({ _items: [] });
    expect((await call('/api/1.0/products?where=not-json', { headers: service })).status).toBe(400);
  });
});

describe('purchases', () => {
  it('makes the user own the product, once', async () => {
    await postJson('/marketplace/sync', approvedEvent('tpl-buy'), service);
    const bought = await postJson('/dev/purchases', {
      user_id: DEV_USER_IDS.customerFree,
      external_id: 'tpl-buy',
    });
    expect(bought.status).toBe(201);
    await postJson('/dev/purchases', { user_id: DEV_USER_IDS.customerFree, external_id: 'tpl-buy' });
    const me = await call('/oauth_server/api/me', {
      headers: { authorization: `Bearer ${DEV_TOKENS.customerFree}` },
    });
    const products = (me.body as { user: { products: unknown[] } }).user.products;
    expect(products).toEqual([
      expect.objectContaining({ product_type: 'template', external_id: 'tpl-buy', price: 12.5 }),
    ]);
  });

  it('answers 404 for an unknown product or user', async () => {
    const noProduct = await postJson('/dev/purchases', {
      user_id: DEV_USER_IDS.admin,
      external_id: 'missing',
    });
    expect(noProduct).toEqual({ status: 404, body: { error: 'product_not_found' } });
    await postJson('/marketplace/sync', approvedEvent('tpl-2'), service);
    expect((await postJson('/dev/purchases', { user_id: 999, external_id: 'tpl-2' })).status).toBe(404);
  });
});

describe('test hooks', () => {
  it('fails the next calls on a path, counts calls, and resets', async () => {
    emulator.state.failNext(2, 503, { path: '/api/1.0/category' });
    expect((await call('/api/1.0/category', { headers: service })).status).toBe(503);
    expect(
      (await call('/oauth_server/api/me', { headers: { authorization: `Bearer ${DEV_TOKENS.admin}` } }))
        .status,
    ).toBe(200);
    expect((await call('/api/1.0/category', { headers: service })).status).toBe(503);
    expect((await call('/api/1.0/category', { headers: service })).status).toBe(200);
    expect(emulator.state.calls('/api/1.0/category')).toBe(3);

    emulator.state.failNext(1, 500);
    emulator.state.revokeToken(DEV_TOKENS.admin);
    emulator.state.reset();
    expect(emulator.state.calls()).toBe(0);
    const me = await call('/oauth_server/api/me', {
      headers: { authorization: `Bearer ${DEV_TOKENS.admin}` },
    });
    expect(me.status).toBe(200);
  });

  it('adds latency to contract routes', async () => {
    emulator.state.setLatency(2_000);
    const slow = fetch(`${emulator.url}/api/1.0/category`, {
      headers: service,
      signal: AbortSignal.timeout(50),
    });
    await expect(slow).rejects.toThrow();
    expect((await call('/dev/calls')).status).toBe(200);
  });

  it('exposes the hooks over HTTP under /dev', async () => {
    expect(
      (await postJson('/dev/fail-next', { count: 1, status: 502, path: '/api/1.0/category' })).status,
    ).toBe(200);
    expect((await call('/api/1.0/category', { headers: service })).status).toBe(502);
    await postJson('/dev/revoke', { token: DEV_TOKENS.vendor });
    expect(
      (await call('/oauth_server/api/me', { headers: { authorization: `Bearer ${DEV_TOKENS.vendor}` } }))
        .status,
    ).toBe(401);
    const calls = await call('/dev/calls');
    expect(calls.body).toMatchObject({ calls: { '/api/1.0/category': 1, '/oauth_server/api/me': 1 } });
    await postJson('/dev/reset', {});
    expect(
      (await call('/oauth_server/api/me', { headers: { authorization: `Bearer ${DEV_TOKENS.vendor}` } }))
        .status,
    ).toBe(200);
    expect((await postJson('/dev/fail-next', { count: 0, status: 502 })).status).toBe(400);
  });
});

describe('lifecycle', () => {
  it('restarts on the same port, keeping its state when given it', async () => {
    emulator.state.revokeToken(DEV_TOKENS.vendor);
    const { port, state } = emulator;
    await emulator.close();
    await expect(fetch(`${emulator.url}/oauth_server/api/me`)).rejects.toThrow();
    emulator = await startUserServiceEmulator({ port, state });
    expect(emulator.port).toBe(port);
    const me = await call('/oauth_server/api/me', {
      headers: { authorization: `Bearer ${DEV_TOKENS.vendor}` },
    });
    expect(me.status).toBe(401);
  });

  it('refuses to listen anywhere but loopback', async () => {
    await expect(startUserServiceEmulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
