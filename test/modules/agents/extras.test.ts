import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_PASSWORDS } from '../../../dev/user-service/index.js';
import { deploymentWithAgent } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, DEV_TOKENS, userId } from '../../helpers/auth.js';
import {
  agentLoginResponse,
  agentNotificationsReply,
  cliLinkResp,
  cliSnapshotReply,
  parseAsCli,
} from '../../helpers/cli-shapes.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { FakeAgent } from '../../helpers/fake-agent.js';

// The agent's local UI (login, link), its notifications poll, the CLI's snapshots, and purchase tokens.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('POST /api/v1/agent/login', () => {
  it("signs in through the User Service and lists the user's live deployments, flat", async () => {
    const live = await insertDeployment(t.database.db, { userId: userId('vendor'), status: 'completed' });
    const gone = await insertDeployment(t.database.db, { userId: userId('vendor'), status: 'deleted' });
    const res = await post('/api/v1/agent/login', {
      email: 'vendor@stacker.dev',
      password: DEV_PASSWORDS.vendor,
    });
    expect(res.statusCode).toBe(200);
    const login = parseAsCli(agentLoginResponse, res.json());
    expect(login.user_id).toBe(userId('vendor'));
    const hashes = login.deployments.map((d) => d.deployment_id);
    expect(hashes).toContain(live);
    expect(hashes).not.toContain(gone);
    expect(login.deployments.find((d) => d.deployment_id === live)).toMatchObject({
      stack_name: 'Unknown Stack',
      status: 'completed',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    });
    // The session token is a working User Service bearer.
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${login.session_token}` },
    });
    expect(me.statusCode).toBe(200);
  });

  it('answers 403 "Authentication failed (<status>)" for a wrong password', async () => {
    const res = await post('/api/v1/agent/login', { email: 'vendor@stacker.dev', password: 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/^Authentication failed \(\d{3}\)$/);
  });
});

describe('POST /api/v1/agent/link', () => {
  it("returns the existing agent's current token, never a rotated one, and records the fingerprint", async () => {
    const f = await deploymentWithAgent(t, { owner: 'vendor', capabilities: ['docker'] });
    const res = await post(
      '/api/v1/agent/link',
      {
        session_token: DEV_TOKENS.vendor,
        deployment_id: f.hash,
        server_fingerprint: { host: 'laptop', source: 'cli_local_install' },
        capabilities: ['status_panel', 'compose_agent'],
      },
      bearer('vendor'),
    );
    expect(res.statusCode).toBe(200);
    const link = parseAsCli(cliLinkResp, res.json());
    expect(link).toMatchObject({ agent_id: f.agent.id, agent_token: f.agent.token, deployment_hash: f.hash });
    expect(link.dashboard_url).toMatch(/^https:\/\/try\.direct\/dashboard\/deployments\/\d+$/);
    // The agent already on the host keeps working with its token.
    expect((await f.agent.appStatus()).statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('agent')
      .select(['capabilities', 'system_info'])
      .where('id', '=', f.agent.id)
      .executeTakeFirstOrThrow();
    expect(row.capabilities).toEqual(['status_panel', 'compose_agent']);
    expect(row.system_info).toEqual({ host: 'laptop', source: 'cli_local_install' });
  });

  it('registers a new agent with an 86-character token when there is none', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const res = await post('/api/v1/agent/link', {
      session_token: DEV_TOKENS.vendor,
      deployment_id: hash,
      server_fingerprint: { hostname: 'h', os: 'linux', cpu_count: 2, ram_mb: 2048, disk_gb: 40 },
    });
    const link = parseAsCli(cliLinkResp, res.json());
    expect(link.agent_token).toHaveLength(86);
    const agent = new FakeAgent(t.app, link.agent_id, link.agent_token, hash);
    expect((await agent.appStatus()).statusCode).toBe(200);
  });

  it('answers 403 for a bad session or a deployment not yours, 404 for an unknown one', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const bad = await post('/api/v1/agent/link', { session_token: 'nope', deployment_id: hash });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().detail).toBe('Invalid or expired session. Please login again.');
    const notYours = await post('/api/v1/agent/link', {
      session_token: DEV_TOKENS.customerFree,
      deployment_id: hash,
    });
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().detail).toBe('You do not own this deployment');
    const unknown = await post('/api/v1/agent/link', {
      session_token: DEV_TOKENS.vendor,
      deployment_id: 'deployment_none',
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('GET /api/v1/agent/notifications', () => {
  it('answers the agent a top-level notifications array, and 400 wrong_deployment for another hash', async () => {
    const f = await deploymentWithAgent(t);
    const get = (query: string) => {
      const url = `/api/v1/agent/notifications${query}`;
      return t.app.inject({ method: 'GET', url, headers: f.agent.headers('GET', url, '') });
    };
    const res = await get(`?deployment_hash=${f.hash}`);
    expect(res.statusCode).toBe(200);
    expect(parseAsCli(agentNotificationsReply, res.json()).notifications).toEqual([]);
    expect(res.json().item).toEqual({ notifications: [] });
    const other = await get('?deployment_hash=deployment_someone_else');
    expect(other.statusCode).toBe(400);
    expect(other.json().code).toBe('wrong_deployment');
  });
});

describe('snapshots', () => {
  it('gives the owner and the agent the snapshot, with commands and containers at the top level too', async () => {
    const f = await deploymentWithAgent(t, { owner: 'vendor' });
    await f.agent.appStatus();
    const enq = await t.app.inject({
      method: 'POST',
      url: '/api/v1/commands',
      headers: f.owner,
      payload: { deployment_hash: f.hash, command_type: 'list_containers' },
    });
    expect(enq.statusCode).toBe(201);
    const url = `/api/v1/agent/deployments/${f.hash}?command_limit=50&include_command_results=false`;
    const res = await t.app.inject({ method: 'GET', url, headers: f.owner });
    expect(res.statusCode).toBe(200);
    const snap = parseAsCli(cliSnapshotReply, res.json());
    expect(snap.item.agent).toMatchObject({ deployment_hash: f.hash, status: 'online' });
    expect(snap.commands.map((c) => c.type)).toEqual(['list_containers']);
    expect(snap.commands[0]?.result).toBeNull();
    const asAgent = await t.app.inject({ method: 'GET', url, headers: f.agent.headers('GET', url, '') });
    expect(asAgent.statusCode).toBe(200);
    const other = await t.app.inject({ method: 'GET', url, headers: bearer('customerFree') });
    expect(other.statusCode).toBe(404);
  });
});

describe('POST /api/v1/marketplace/agents/register', () => {
  it('answers 501 with a clear message until purchase tokens can be checked', async () => {
    const res = await post('/api/v1/marketplace/agents/register', {
      purchase_token: 'pt_1',
      server_fingerprint: {},
      stack_id: '5',
    });
    expect(res.statusCode).toBe(501);
    expect(res.json().detail).toContain('purchase token');
  });
});
