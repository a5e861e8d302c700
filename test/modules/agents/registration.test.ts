import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertClient } from '../../../src/auth/service-client/service-client-repository.js';
import { ALL_CAPABILITIES, deploymentWithAgent } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, type DevUser, userId } from '../../helpers/auth.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { FakeAgent } from '../../helpers/fake-agent.js';

const SECRET = 'provisioning-secret';
let t: TestApp;
let provisioning: number;
let outsider: number;
beforeAll(async () => {
  t = await buildTestApp();
  provisioning = (
    await insertClient(t.database.db, 'provisioning', t.app.secretBox.seal(SECRET), ['agents:register'])
  ).id;
  outsider = (await insertClient(t.database.db, 'ops-tool', t.app.secretBox.seal(SECRET), ['compose:write']))
    .id;
});
afterAll(async () => {
  await t.close();
});

const body = (hash: string, extra: Record<string, unknown> = {}) => ({
  deployment_hash: hash,
  agent_version: '0.2.1',
  capabilities: ['status_panel', 'docker'],
  system_info: { os: 'linux', arch: 'x86_64' },
  ...extra,
});

const register = (payload: unknown, user: DevUser = 'vendor') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/agent/register',
    headers: bearer(user),
    payload: payload as object,
  });

function registerAsClient(clientId: number, payload: unknown) {
  const raw = JSON.stringify(payload);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/agent/register',
    payload: raw,
    headers: {
      'content-type': 'application/json',
      'stacker-id': String(clientId),
      'stacker-hash': createHmac('sha256', SECRET).update(raw).digest('hex'),
    },
  });
}

const agentRow = (hash: string) =>
  t.database.db.selectFrom('agent').selectAll().where('deployment_hash', '=', hash).executeTakeFirstOrThrow();

describe('registration', () => {
  it("answers 201 in the agent's {data: {item}} shape with a fresh 86-character token, stored encrypted", async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const res = await register(body(hash));
    expect(res.statusCode).toBe(201);
    const reply = res.json();
    expect(Object.keys(reply)).toEqual(['data']);
    expect(reply.data.item).toEqual({
      agent_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      agent_token: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/),
      deployment_hash: hash,
      dashboard_version: expect.any(String),
      supported_api_versions: ['1.0'],
    });
    const row = await agentRow(hash);
    expect(row.token_ciphertext.includes(Buffer.from(reply.data.item.agent_token))).toBe(false);
    expect(t.app.secretBox.openString(row.token_ciphertext)).toBe(reply.data.item.agent_token);
    expect(row).toMatchObject({
      version: '0.2.1',
      capabilities: ['status_panel', 'docker'],
      previous_token_ciphertext: null,
    });
  });

  it('returns the current token (200) when run again, updating what the agent advertises', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const first = (await register(body(hash))).json().data.item;
    const again = await register(body(hash, { agent_version: '0.2.2', capabilities: ALL_CAPABILITIES }));
    expect(again.statusCode).toBe(200);
    expect(again.json().data.item).toMatchObject({
      agent_id: first.agent_id,
      agent_token: first.agent_token,
    });
    expect(await agentRow(hash)).toMatchObject({ version: '0.2.2', capabilities: ALL_CAPABILITIES });
  });

  it('issues a new token with rotate: true; the old one works until the new one is used', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const first = (await register(body(hash))).json().data.item;
    const rotated = await register(body(hash, { rotate: true }));
    expect(rotated.statusCode).toBe(200);
    const second = rotated.json().data.item;
    expect(second.agent_token).not.toBe(first.agent_token);
    const oldAgent = new FakeAgent(t.app, first.agent_id, first.agent_token, hash);
    const newAgent = new FakeAgent(t.app, first.agent_id, second.agent_token, hash);
    expect((await oldAgent.appStatus()).statusCode).toBe(200);
    expect((await newAgent.appStatus()).statusCode).toBe(200);
    expect((await oldAgent.appStatus()).statusCode).toBe(401);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('deployment_hash', '=', hash)
      .where('action', 'in', ['agent.registered', 'agent.token_rotated'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'agent.registered',
      'agent.registered',
      'agent.token_rotated',
    ]);
    expect(JSON.stringify(audit)).not.toContain(second.agent_token);
  });

  it("hides someone else's or an unknown deployment from users (404); admins may register any hash", async () => {
    const theirs = await insertDeployment(t.database.db, { userId: userId('customerPro') });
    expect((await register(body(theirs))).statusCode).toBe(404);
    expect((await register(body('deployment_unknown'))).statusCode).toBe(404);
    expect((await register(body(theirs), 'admin')).statusCode).toBe(201);
    expect((await register(body('legacy:host-42.example'), 'admin')).statusCode).toBe(201);
  });

  it('lets a service client with agents:register register any hash, and refuses one without it', async () => {
    const ok = await registerAsClient(provisioning, body('provisioned_only_here'));
    expect(ok.statusCode).toBe(201);
    expect((await registerAsClient(provisioning, body('provisioned_only_here'))).statusCode).toBe(200);
    const refused = await registerAsClient(outsider, body('provisioned_elsewhere'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('insufficient_scope');
  });

  it('refuses bad bodies with 400 and a deleted deployment with 409', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    for (const payload of [
      body('has spaces'),
      body(hash, { agent_version: undefined }),
      body(hash, { capabilities: 'docker' }),
      body(hash, { rotate: 'yes' }),
      body('x'.repeat(129)),
    ]) {
      expect((await register(payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    const gone = await insertDeployment(t.database.db, { userId: userId('vendor'), status: 'deleted' });
    const res = await register(body(gone));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('deployment_deleted');
  });
});

describe('rotate-token', () => {
  it('is for the owner or an admin; 404 otherwise', async () => {
    const f = await deploymentWithAgent(t);
    const rotate = (id: string, user: DevUser) =>
      t.app.inject({ method: 'POST', url: `/api/v1/agent/${id}/rotate-token`, headers: bearer(user) });
    expect((await rotate(f.agent.id, 'customerPro')).statusCode).toBe(404);
    expect((await rotate('00000000-0000-4000-8000-000000000000', 'vendor')).statusCode).toBe(404);
    expect((await rotate('not-a-uuid', 'vendor')).statusCode).toBe(404);
    const admin = await rotate(f.agent.id, 'admin');
    expect(admin.statusCode).toBe(200);
    expect(admin.json().data.item).toMatchObject({ agent_id: f.agent.id, deployment_hash: f.hash });
  });
});

describe('app status', () => {
  it('keeps the latest status per app with its last 50 log lines, redacted', async () => {
    const f = await deploymentWithAgent(t);
    const logs = [
      ...Array.from({ length: 59 }, (_, i) => `line ${i}`),
      'export GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    ];
    const res = await f.agent.appStatus('web', 'running', logs);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ message: 'OK' });
    const row = await t.database.db
      .selectFrom('app_status')
      .selectAll()
      .where('deployment_hash', '=', f.hash)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('running');
    expect(row.logs).toHaveLength(50);
    expect(row.logs[0]).toBe('line 10');
    expect(row.logs[49]).not.toContain('ghp_abcdef');
    expect((await f.agent.appStatus('web', 'stopped', [])).statusCode).toBe(200);
    const after = await t.database.db
      .selectFrom('app_status')
      .select(['status', 'logs'])
      .where('deployment_hash', '=', f.hash)
      .execute();
    expect(after).toEqual([{ status: 'stopped', logs: [] }]);
    expect((await f.agent.appStatus('web', 'exploded')).statusCode).toBe(400);
  });
});
