import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deploymentWithAgent, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, type DevUser } from '../../helpers/auth.js';
import {
  type ComposeAgentPeer,
  type ComposeAgentPeerOptions,
  DEFAULT_PEER_APPS,
  peerRegistration,
  startComposeAgentPeer,
} from '../../helpers/compose-agent-peer.js';
import {
  COMPOSE_CAPABILITIES,
  expectSecretsRedacted,
  get,
  onlineDeployment,
  post,
  SECRET_LOG_MESSAGES,
} from './helpers.js';

// The compose agent answers on loopback, which this app allows; calls give up after 2 s (the 504 case).
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    env: { COMPOSE_AGENT_ALLOWED_CIDRS: '127.0.0.0/8', COMPOSE_AGENT_TIMEOUT_SECS: '2' },
  });
});
afterAll(async () => {
  await t.close();
});

const peers: ComposeAgentPeer[] = [];
afterEach(async () => {
  for (const peer of peers.splice(0)) await peer.close();
});

async function peer(options: ComposeAgentPeerOptions = {}): Promise<ComposeAgentPeer> {
  const started = await startComposeAgentPeer({
    apps: [
      ...DEFAULT_PEER_APPS,
      {
        app_code: 'api',
        container_name: 'api-1',
        container_state: 'running',
        status: 'ok',
        logs: SECRET_LOG_MESSAGES.map((message, i) => ({ stream: i % 2 ? 'stderr' : 'stdout', message })),
      },
    ],
    ...options,
  });
  peers.push(started);
  return started;
}

/** An online deployment whose agent advertises compose_agent, registered (by an admin) at `target`. */
async function composeDeployment(
  target: ComposeAgentPeer,
  options: { owner?: DevUser; token?: string } = {},
): Promise<Fixture> {
  const f = await onlineDeployment(t, {
    capabilities: COMPOSE_CAPABILITIES,
    owner: options.owner ?? 'vendor',
  });
  const registration = { ...peerRegistration(target), ...(options.token ? { token: options.token } : {}) };
  const res = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/agent/${f.agent.id}/compose-agent`,
    headers: bearer('admin'),
    payload: registration,
  });
  if (res.statusCode !== 200) throw new Error(`registration answered ${res.statusCode}: ${res.body}`);
  return f;
}

const composeUrl = (hash: string, action: string, query = '') => `/api/v1/compose/${hash}/${action}${query}`;
const restart = (
  f: Fixture,
  payload: Record<string, unknown> = { app_code: 'web' },
  user: DevUser = 'vendor',
) => post(t, composeUrl(f.hash, 'restart'), user, payload);
const capabilities = async (hash: string) =>
  (await get(t, `/api/v1/deployments/${hash}/capabilities`)).json().item;

describe('compose agent routes: the signed push path', () => {
  it('status: health of every app without metrics, signed as the agent expects', async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    const res = await get(t, composeUrl(f.hash, 'status'));
    expect(res.statusCode).toBe(200);
    expect(res.json().item).toMatchObject({ type: 'all_health', deployment_hash: f.hash, status: 'ok' });
    expect(res.json().item.containers.map((c: { app_code: string }) => c.app_code)).toEqual([
      'web',
      'db',
      'api',
    ]);
    expect(res.json().item.containers[0].metrics).toBeUndefined();

    const [call] = p.state.requests;
    expect(call?.answeredStatus).toBe(200);
    expect(call?.headers['x-agent-id']).toBe(p.state.agentId);
    const signature = createHmac('sha256', p.state.token).update(call!.rawBody).digest('base64');
    expect(call?.headers['x-agent-signature']).toBe(signature);
    expect(call?.body).toMatchObject({
      name: 'health',
      deployment_hash: f.hash,
      app_code: 'all',
      params: { deployment_hash: f.hash, app_code: 'all', include_metrics: false },
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'target'])
      .where('deployment_hash', '=', f.hash)
      .where('action', 'like', 'compose.%')
      .execute();
    expect(audit).toEqual([
      { action: 'compose.status', outcome: 'ok', target: (call!.body as { command_id: string }).command_id },
    ]);
  });

  it('metrics: health with metrics, for one app when asked', async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    const res = await get(t, composeUrl(f.hash, 'metrics', '?app_code=web'));
    expect(res.statusCode).toBe(200);
    expect(res.json().item).toMatchObject({ type: 'health', app_code: 'web', metrics: { cpu_pct: 1.5 } });
    expect(p.state.requests[0]?.body).toMatchObject({ params: { app_code: 'web', include_metrics: true } });
  });

  it('logs: the agent is asked to redact, and Stacker redacts an AWS key, a JWT, a DSN and a PEM block again', async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    const res = await get(t, composeUrl(f.hash, 'logs', '?app_code=api&limit=100&cursor=0'));
    expect(res.statusCode).toBe(200);
    expectSecretsRedacted(res);
    expect(p.state.requests[0]?.body).toMatchObject({
      name: 'logs',
      params: { app_code: 'api', limit: 100, cursor: '0', redact: true },
    });
  });

  it('restart: runs on the host through the compose agent and answers its result', async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    const res = await restart(f, { app_code: 'web', force: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().item).toMatchObject({ type: 'restart', app_code: 'web', status: 'ok', errors: [] });
    expect(p.state.apps.get('web')?.restarts).toBe(1);
    expect(p.state.requests[0]?.body).toMatchObject({ name: 'restart', params: { force: true } });
    // Nothing went through the pull queue.
    const queued = await t.database.db
      .selectFrom('command')
      .select('id')
      .where('deployment_hash', '=', f.hash)
      .execute();
    expect(queued).toEqual([]);
  });
});

describe('compose agent routes: when there is no usable compose agent', () => {
  it('409 compose_agent_unavailable with the fallback reason and the legacy route', async () => {
    const p = await peer();
    const plain = await onlineDeployment(t);
    const notAdvertised = await restart(plain);
    expect(notAdvertised.statusCode).toBe(409);
    expect(notAdvertised.json()).toMatchObject({
      code: 'compose_agent_unavailable',
      fallback_reason: 'not_advertised',
      legacy_route: { method: 'POST', path: `/api/v1/deployments/${plain.hash}/containers/web/restart` },
    });
    const unregistered = await onlineDeployment(t, { capabilities: COMPOSE_CAPABILITIES });
    const logs = await get(t, composeUrl(unregistered.hash, 'logs', '?app_code=web'));
    expect(logs.json()).toMatchObject({
      fallback_reason: 'no_registration',
      legacy_route: { method: 'GET', path: `/api/v1/deployments/${unregistered.hash}/containers/web/logs` },
    });

    const quiet = await deploymentWithAgent(t, { capabilities: COMPOSE_CAPABILITIES });
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/agent/${quiet.agent.id}/compose-agent`,
      headers: bearer('admin'),
      payload: peerRegistration(p),
    });
    const offline = await get(t, composeUrl(quiet.hash, 'status'));
    expect(offline.json()).toMatchObject({
      fallback_reason: 'offline',
      legacy_route: { method: 'GET', path: `/api/health/deployment/${quiet.hash}/app/all` },
    });
    expect(p.state.requests).toEqual([]);
  });

  it('503 when the compose agent is down; capabilities say unreachable until a call succeeds', async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    await p.close();
    const down = await get(t, composeUrl(f.hash, 'status'));
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ code: 'compose_agent_unreachable', fallback_reason: 'unreachable' });
    expect(await capabilities(f.hash)).toMatchObject({
      compose_agent: false,
      fallback_reason: 'unreachable',
    });

    // The host comes back on the same address: the next call goes through and clears the state.
    await peer({ port: p.port, state: p.state });
    expect((await get(t, composeUrl(f.hash, 'status'))).statusCode).toBe(200);
    expect(await capabilities(f.hash)).toMatchObject({ compose_agent: true, fallback_reason: null });
  });

  it("404 first: someone else's deployment is not found, whatever its compose agent", async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    const plain = await onlineDeployment(t);
    for (const hash of [f.hash, plain.hash]) {
      expect((await get(t, composeUrl(hash, 'status'), 'customerFree')).statusCode).toBe(404);
      expect((await get(t, composeUrl(hash, 'logs', '?app_code=web'), 'customerFree')).statusCode).toBe(404);
      expect(
        (await post(t, composeUrl(hash, 'restart'), 'customerFree', { app_code: 'web' })).statusCode,
      ).toBe(404);
    }
    // Admins may read, not act.
    expect((await get(t, composeUrl(f.hash, 'metrics'), 'admin')).statusCode).toBe(200);
    expect((await restart(f, { app_code: 'web' }, 'admin')).statusCode).toBe(404);
  });

  it('400 for an app code the catalog refuses', async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    const res = await restart(f, { app_code: 'Web App' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('parameters.app_code');
    expect((await get(t, composeUrl(f.hash, 'logs'))).statusCode).toBe(400);
    expect(p.state.requests).toEqual([]);
  });
});

describe('compose agent replies mapped to Stacker replies', () => {
  it('a 200 with status failed is a failure: 502 compose_agent_error with the agent errors, redacted', async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    p.state.injectFault(
      {
        kind: 'failed',
        error: 'cannot read DB_PASSWORD=hunter2hunter2',
        errors: [{ code: 'x', message: 'boom' }],
      },
      1,
    );
    const res = await restart(f);
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({
      code: 'compose_agent_error',
      compose_agent_status: 200,
      errors: [{ path: 'compose_agent', message: 'boom' }],
    });
    expect(res.body).not.toContain('hunter2');
    // The container the agent cannot find is the same kind of failure.
    const missing = await restart(f, { app_code: 'nope' });
    expect(missing.statusCode).toBe(502);
    expect(missing.json().errors[0].message).toContain('no container for app nope');
  });

  it('a 401 for a wrong token is a 502, not a reason to fall back', async () => {
    const p = await peer();
    const f = await composeDeployment(p, { token: 'not-the-compose-agent-token-at-all' });
    const res = await get(t, composeUrl(f.hash, 'status'));
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'compose_agent_error', compose_agent_status: 401 });
    expect(p.state.requests[0]?.answeredStatus).toBe(401);
    expect(await capabilities(f.hash)).toMatchObject({ compose_agent: true });
  });

  it.each([403, 409, 500])('an agent %i is a 502', async (status) => {
    const p = await peer();
    const f = await composeDeployment(p);
    p.state.injectFault({ kind: 'status', status }, 1);
    const res = await restart(f);
    expect(res.statusCode).toBe(502);
    expect(res.json().compose_agent_status).toBe(status);
  });

  it("the agent's 429 is a 429 with Retry-After: 60", async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    p.state.injectFault({ kind: 'status', status: 429 }, 1);
    const res = await get(t, composeUrl(f.hash, 'status'));
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
  });

  it('a compose agent that does not answer in time is a 504', async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    p.state.injectFault({ kind: 'delay', ms: 5_000 }, 1);
    const res = await get(t, composeUrl(f.hash, 'status'));
    expect(res.statusCode).toBe(504);
    expect(res.json().code).toBe('compose_agent_timeout');
    // It was reached: a slow agent is not an unreachable one.
    expect(await capabilities(f.hash)).toMatchObject({ compose_agent: true });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['outcome'])
      .where('deployment_hash', '=', f.hash)
      .where('action', '=', 'compose.status')
      .execute();
    expect(audit).toEqual([{ outcome: 'timeout' }]);
  });
});

describe('plan rate limits on the compose routes', () => {
  it('spends the restart bucket shared with the legacy route (free: 3 a minute)', async () => {
    const p = await peer();
    const f = await composeDeployment(p, { owner: 'customerFree' });
    const legacy = await post(t, `/api/v1/deployments/${f.hash}/containers/web/restart`, 'customerFree');
    expect(legacy.statusCode).toBe(202);
    expect((await restart(f, { app_code: 'web' }, 'customerFree')).statusCode).toBe(200);
    expect((await restart(f, { app_code: 'db' }, 'customerFree')).statusCode).toBe(200);
    const limited = await restart(f, { app_code: 'web' }, 'customerFree');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(p.state.requests).toHaveLength(2);
    // Status reads spend nothing.
    expect((await get(t, composeUrl(f.hash, 'status'), 'customerFree')).statusCode).toBe(200);
  });
});
