import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertClient } from '../../src/auth/service-client/service-client-repository.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const SECRET = 'client-secret-for-tests';
let t: TestApp;
let clientId: number;

beforeAll(async () => {
  t = await buildTestApp({
    policy: ['p, client, /test/client, POST'],
    routes(app) {
      app.post('/test/client', async (request) => ({ message: 'OK', item: request.principal }));
    },
  });
  clientId = (
    await insertClient(t.database.db, 'provisioning', t.app.secretBox.seal(SECRET), ['agents:register'])
  ).id;
});
afterAll(() => t.close());

const sign = (data: string) => createHmac('sha256', SECRET).update(data).digest('hex');

function call(body: string, headers: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: '/test/client',
    headers: { 'content-type': 'application/json', 'stacker-id': String(clientId), ...headers },
    payload: body,
  });
}

describe('service clients (stacker-id / stacker-hash)', () => {
  it('accept an HMAC of the raw body and act as the client subject with its scopes', async () => {
    const body = '{"b": 1,  "a": 2}';
    const res = await call(body, { 'stacker-hash': sign(body) });
    expect(res.statusCode).toBe(200);
    expect(res.json().item).toMatchObject({
      kind: 'client',
      client: { id: clientId, name: 'provisioning', scopes: ['agents:register'] },
    });
  });

  it('accept the timestamped form within the skew window', async () => {
    const body = '{"x":true}';
    const ts = String(Math.floor(Date.now() / 1000));
    expect(
      (await call(body, { 'stacker-timestamp': ts, 'stacker-hash': sign(`${ts}.${body}`) })).statusCode,
    ).toBe(200);
  });

  it.each([
    ['a forged hash', { 'stacker-hash': 'f'.repeat(64) }, 'bad_client_signature'],
    ['no hash', {}, 'bad_client_signature'],
    ['a hash of a re-serialised body', { 'stacker-hash': sign('{"b":1,"a":2}') }, 'bad_client_signature'],
  ])('401 for %s', async (_name, headers, code) => {
    const res = await call('{"b": 1,  "a": 2}', headers as Record<string, string>);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe(code);
  });

  it('401 for a stale timestamp and for an unknown client', async () => {
    const body = '{}';
    const old = String(Math.floor(Date.now() / 1000) - 3_600);
    const stale = await call(body, { 'stacker-timestamp': old, 'stacker-hash': sign(`${old}.${body}`) });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('stale_timestamp');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/test/client',
      headers: { 'content-type': 'application/json', 'stacker-id': '999999', 'stacker-hash': sign(body) },
      payload: body,
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('client_unauthorized');
  });
});
