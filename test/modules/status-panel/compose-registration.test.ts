import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertClient } from '../../../src/auth/service-client/service-client-repository.js';
import { deploymentWithAgent } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, type DevUser } from '../../helpers/auth.js';
import { COMPOSE_CAPABILITIES, get } from './helpers.js';

// `loopback` lets compose agents live on 127.0.0.0/8 (a single-host setup); `strict` is the default.
let loopback: TestApp;
let strict: TestApp;
const SECRET = 'provisioning-client-secret';
const clients = { writer: 0, reader: 0 };

beforeAll(async () => {
  [loopback, strict] = await Promise.all([
    buildTestApp({ env: { COMPOSE_AGENT_ALLOWED_CIDRS: '127.0.0.0/8' } }),
    buildTestApp(),
  ]);
  const seal = loopback.app.secretBox.seal(SECRET);
  clients.writer = (await insertClient(loopback.database.db, 'provisioning', seal, ['compose:write'])).id;
  clients.reader = (await insertClient(loopback.database.db, 'installer', seal, ['agents:register'])).id;
});
afterAll(async () => {
  await Promise.all([loopback.close(), strict.close()]);
});

const TOKEN = 'compose-agent-token-0123456789abcdef';
const body = (url = 'http://127.0.0.1:5000/', agentId = 'compose-agent-1', token = TOKEN) => ({
  url,
  agent_id: agentId,
  token,
});
const path = (agentId: string) => `/api/v1/agent/${agentId}/compose-agent`;

function asUser(t: TestApp, method: 'PUT' | 'DELETE', agentId: string, user: DevUser, payload?: object) {
  return t.app.inject({ method, url: path(agentId), headers: bearer(user), ...(payload ? { payload } : {}) });
}

function asClient(method: 'PUT' | 'DELETE', agentId: string, clientId: number, payload?: object) {
  const raw = payload === undefined ? '' : JSON.stringify(payload);
  return loopback.app.inject({
    method,
    url: path(agentId),
    headers: {
      'stacker-id': String(clientId),
      'stacker-hash': createHmac('sha256', SECRET).update(raw).digest('hex'),
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { payload: raw }),
  });
}

describe('PUT/DELETE /api/v1/agent/{agent_id}/compose-agent', () => {
  it('registers for an admin: the token is sealed, never returned, and audited without it', async () => {
    const f = await deploymentWithAgent(loopback, { capabilities: COMPOSE_CAPABILITIES });
    const res = await asUser(loopback, 'PUT', f.agent.id, 'admin', body());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      message: 'Compose agent registered',
      item: {
        agent_id: f.agent.id,
        deployment_hash: f.hash,
        url: 'http://127.0.0.1:5000',
        compose_agent_id: 'compose-agent-1',
        registered: true,
        last_ok_at: null,
        last_error: null,
        last_error_at: null,
      },
    });
    expect(res.body).not.toContain(TOKEN);
    const row = await loopback.database.db
      .selectFrom('agent')
      .select(['compose_token_ciphertext'])
      .where('id', '=', f.agent.id)
      .executeTakeFirstOrThrow();
    expect(row.compose_token_ciphertext?.toString('utf8')).not.toContain(TOKEN);
    expect(loopback.app.secretBox.openString(row.compose_token_ciphertext!)).toBe(TOKEN);
    const audit = await loopback.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'compose_agent.registered')
      .where('target', '=', f.agent.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
  });

  it('lets a service client with compose:write register and remove; refuses other scopes and users', async () => {
    const f = await deploymentWithAgent(loopback, { capabilities: COMPOSE_CAPABILITIES });
    const put = await asClient('PUT', f.agent.id, clients.writer, body());
    expect(put.statusCode).toBe(200);
    const noScope = await asClient('PUT', f.agent.id, clients.reader, body());
    expect(noScope.statusCode).toBe(403);
    expect(noScope.json().code).toBe('insufficient_scope');
    // Not even the deployment's owner: the URL is an address Stacker will call.
    expect((await asUser(loopback, 'PUT', f.agent.id, 'vendor', body())).statusCode).toBe(403);
    expect((await asUser(loopback, 'DELETE', f.agent.id, 'vendor')).statusCode).toBe(403);

    const removed = await asClient('DELETE', f.agent.id, clients.writer);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().item).toMatchObject({ registered: false, url: null, compose_agent_id: null });
    const caps = await get(loopback, `/api/v1/deployments/${f.hash}/capabilities`);
    expect(caps.json().item).toMatchObject({ compose_agent: false, fallback_reason: 'no_registration' });
  });

  it.each([
    ['loopback', 'http://127.0.0.1:5000'],
    ['cloud metadata', 'http://169.254.169.254/latest'],
    ['a private range', 'http://10.1.2.3:5000'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]:5000'],
  ])('refuses a URL pointing at %s unless allowed (400 compose_url_refused)', async (_name, url) => {
    const f = await deploymentWithAgent(strict, { capabilities: COMPOSE_CAPABILITIES });
    const res = await asUser(strict, 'PUT', f.agent.id, 'admin', body(url));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'compose_url_refused', reason: 'blocked_address' });
    expect(res.json().errors[0].path).toBe('url');
  });

  it('allows only the ranges COMPOSE_AGENT_ALLOWED_CIDRS lists', async () => {
    const f = await deploymentWithAgent(loopback, { capabilities: COMPOSE_CAPABILITIES });
    expect(
      (await asUser(loopback, 'PUT', f.agent.id, 'admin', body('http://127.0.0.2:5000'))).statusCode,
    ).toBe(200);
    const metadata = await asUser(loopback, 'PUT', f.agent.id, 'admin', body('http://169.254.169.254'));
    expect(metadata.statusCode).toBe(400);
  });

  it.each([
    ['a non-http scheme', body('ftp://agents.example.com'), 'url'],
    ['credentials in the URL', body('https://user:pw@agents.example.com'), 'url'],
    ['a compose agent id with spaces', body(undefined, 'bad id'), 'body.agent_id'],
    ['an empty compose agent id', body(undefined, ''), 'body.agent_id'],
    ['a short token', body(undefined, undefined, 'short'), 'body.token'],
    ['a token with a newline', body(undefined, undefined, `${TOKEN}\nx`), 'body.token'],
  ])('400 for %s', async (_name, payload, field) => {
    const f = await deploymentWithAgent(loopback, { capabilities: COMPOSE_CAPABILITIES });
    const res = await asUser(loopback, 'PUT', f.agent.id, 'admin', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe(field);
  });

  it('404 for an unknown or malformed agent id', async () => {
    const unknown = await asUser(loopback, 'PUT', '00000000-0000-4000-8000-000000000000', 'admin', body());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('agent_not_found');
    expect((await asUser(loopback, 'DELETE', 'not-a-uuid', 'admin')).statusCode).toBe(404);
  });
});
