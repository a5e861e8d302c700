import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { deploymentWithAgent, enqueue } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { COMPOSE_CAPABILITIES, get, onlineDeployment } from './helpers.js';

const clock = new ManualClock(new Date());
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock, env: { COMPOSE_AGENT_ALLOWED_CIDRS: '127.0.0.0/8' } });
});
afterAll(async () => {
  await t.close();
});

const url = (hash: string) => `/api/v1/deployments/${hash}/capabilities`;
const capabilities = async (hash: string, user: Parameters<typeof get>[2] = 'vendor') => {
  const res = await get(t, url(hash), user);
  expect(res.statusCode).toBe(200);
  return res.json().item;
};

const KEYS = [
  'deployment_hash',
  'agent_id',
  'status',
  'last_heartbeat',
  'version',
  'system_info',
  'capabilities',
  'commands',
  'features',
  'apps',
  'compose_agent',
  'fallback_reason',
];

describe('GET /api/v1/deployments/{hash}/capabilities', () => {
  it('answers a deployment without an agent: offline, empty lists, no_registration', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const res = await get(t, url(hash));
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().item)).toEqual(KEYS);
    expect(res.json().item).toEqual({
      deployment_hash: hash,
      agent_id: null,
      status: 'offline',
      last_heartbeat: null,
      version: null,
      system_info: {},
      capabilities: [],
      commands: [],
      features: { kata_runtime: false, compose: false, backup: false, logs: false },
      apps: [],
      compose_agent: false,
      fallback_reason: 'no_registration',
    });
  });

  it('follows an agent that registers, goes quiet past the threshold and comes back', async () => {
    const f = await deploymentWithAgent(t, { capabilities: ['status_panel', 'logs', 'kata=false'], clock });
    const registered = await capabilities(f.hash);
    // Registered but never called: offline, yet its capabilities already decide the commands.
    expect(registered).toMatchObject({ agent_id: f.agent.id, status: 'offline', last_heartbeat: null });
    expect(registered.version).toBe('0.2.1');
    expect(registered.system_info).toEqual({ os: 'linux' });
    expect(registered.commands.map((c: { command_type: string }) => c.command_type)).toEqual([
      'health',
      'logs',
      'error_summary',
      'configure_firewall',
      'check_connections',
    ]);
    expect(registered.commands[0]).toEqual({
      command_type: 'health',
      label: 'Health',
      icon: 'fas fa-heartbeat',
      scope: 'container',
      requires: 'status_panel',
    });
    expect(registered.features).toEqual({ kata_runtime: false, compose: false, backup: false, logs: true });

    expect((await f.agent.appStatus()).statusCode).toBe(200);
    const online = await capabilities(f.hash);
    expect(online.status).toBe('online');
    expect(Date.parse(online.last_heartbeat)).toBe(clock.now().getTime());

    clock.advance((t.config.agent.offlineAfterSecs - 1) * 1000);
    expect((await capabilities(f.hash)).status).toBe('online');
    clock.advance(2_000);
    expect((await capabilities(f.hash)).status).toBe('offline');

    expect((await f.agent.appStatus()).statusCode).toBe(200);
    expect((await capabilities(f.hash)).status).toBe('online');
  });

  it('counts an agent holding a lease as online, however old its last poll', async () => {
    const f = await deploymentWithAgent(t, { clock });
    await enqueue(t, f, 'restart', { app_code: 'web' });
    const polled = await f.agent.poll(5);
    expect(polled.json().item.type).toBe('restart');
    clock.advance((t.config.agent.offlineAfterSecs + 60) * 1000);
    expect((await capabilities(f.hash)).status).toBe('online');
    // Reported: the lease is gone, and so is the agent's claim to be online.
    expect((await f.agent.report(polled.json().item, null)).statusCode).toBe(200);
    clock.advance((t.config.agent.offlineAfterSecs + 1) * 1000);
    expect((await capabilities(f.hash)).status).toBe('offline');
  });

  it("lists the latest app status per app from the agent's reports", async () => {
    const f = await deploymentWithAgent(t, { clock });
    await f.agent.appStatus('web', 'running');
    await f.agent.appStatus('db', 'error');
    clock.advance(1_000);
    await f.agent.appStatus('web', 'stopped');
    const { apps } = await capabilities(f.hash);
    expect(apps).toEqual([
      { app_code: 'db', status: 'error', updated_at: expect.any(String) },
      { app_code: 'web', status: 'stopped', updated_at: clock.now().toISOString() },
    ]);
  });

  it('answers 404 to other users, before anything else, and lets admins read', async () => {
    const f = await onlineDeployment(t, { clock });
    const other = await get(t, url(f.hash), 'customerFree');
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('deployment_not_found');
    const unknown = await get(t, url('deployment_does-not-exist'));
    expect(unknown.statusCode).toBe(404);
    expect(other.json().detail).toBe(unknown.json().detail);
    expect((await get(t, url(f.hash), 'admin')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: url(f.hash) })).statusCode).toBe(401);
  });

  it("answers the deployment's own agent and 404s another deployment's agent", async () => {
    const mine = await onlineDeployment(t, { clock });
    const theirs = await onlineDeployment(t, { clock, owner: 'customerPro' });
    const signedGet = (agent: typeof mine.agent, hash: string) =>
      t.app.inject({ method: 'GET', url: url(hash), headers: agent.headers('GET', url(hash), '') });
    const own = await signedGet(mine.agent, mine.hash);
    expect(own.statusCode).toBe(200);
    expect(own.json().item).toMatchObject({ agent_id: mine.agent.id, status: 'online' });
    const foreign = await signedGet(mine.agent, theirs.hash);
    expect(foreign.statusCode).toBe(404);
    // A forged signature is refused like on every agent route.
    const forged = await t.app.inject({
      method: 'GET',
      url: url(mine.hash),
      headers: mine.agent.headers('GET', url(mine.hash), '', { 'x-agent-signature': 'AAAA' }),
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('bad_signature');
  });

  it('says why there is no compose agent: not_advertised, no_registration, offline, unreachable', async () => {
    const plain = await onlineDeployment(t, { clock });
    expect(await capabilities(plain.hash)).toMatchObject({
      compose_agent: false,
      fallback_reason: 'not_advertised',
      features: { compose: true },
    });

    const f = await onlineDeployment(t, { clock, capabilities: COMPOSE_CAPABILITIES });
    expect(await capabilities(f.hash)).toMatchObject({
      compose_agent: false,
      fallback_reason: 'no_registration',
    });

    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/agent/${f.agent.id}/compose-agent`,
      headers: bearer('admin'),
      payload: {
        url: 'http://127.0.0.1:5000',
        agent_id: 'compose-1',
        token: 'a-compose-agent-token-of-some-length',
      },
    });
    expect(put.statusCode).toBe(200);
    expect(await capabilities(f.hash)).toMatchObject({ compose_agent: true, fallback_reason: null });

    await t.database.db
      .updateTable('agent')
      .set({ compose_last_error: 'unreachable:refused', compose_last_error_at: clock.now() })
      .where('id', '=', f.agent.id)
      .execute();
    expect(await capabilities(f.hash)).toMatchObject({
      compose_agent: false,
      fallback_reason: 'unreachable',
    });
    // A failure that did reach the agent (it answered 500) is not a reason to fall back.
    await t.database.db
      .updateTable('agent')
      .set({ compose_last_error: 'agent_failed:500' })
      .where('id', '=', f.agent.id)
      .execute();
    expect(await capabilities(f.hash)).toMatchObject({ compose_agent: true, fallback_reason: null });

    clock.advance((t.config.agent.offlineAfterSecs + 1) * 1000);
    expect(await capabilities(f.hash)).toMatchObject({ compose_agent: false, fallback_reason: 'offline' });
  });
});
