import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { deploymentWithAgent } from '../../helpers/agent-fixture.js';
import type { TestApp } from '../../helpers/app.js';
import { bearer } from '../../helpers/auth.js';
import { peerRegistration } from '../../helpers/compose-agent-peer.js';
import { composeHarness, composeUrl } from './compose-harness.js';
import { COMPOSE_CAPABILITIES, expectSecretsRedacted, get, onlineDeployment, post } from './helpers.js';

const { app, peer, composeDeployment, restart, capabilities } = composeHarness();
let t: TestApp;
beforeAll(() => {
  t = app();
});

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
