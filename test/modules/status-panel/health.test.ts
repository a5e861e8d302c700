import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentWithAgent } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { userId } from '../../helpers/auth.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { type AgentCommand, healthResult } from '../../helpers/fake-agent.js';
import { get, onlineDeployment } from './helpers.js';

// `t` answers within the default 10 s; `slow` gives the agent 1 s, so an agent that does not poll is "slow".
let t: TestApp;
let slow: TestApp;
beforeAll(async () => {
  [t, slow] = await Promise.all([buildTestApp(), buildTestApp({ env: { HEALTH_CHECK_TIMEOUT_SECS: '1' } })]);
});
afterAll(async () => {
  await Promise.all([t.close(), slow.close()]);
});

const url = (hash: string, app = 'web') => `/api/health/deployment/${hash}/app/${app}`;

async function commandsOf(app: TestApp, hash: string) {
  return app.database.db.selectFrom('command').selectAll().where('deployment_hash', '=', hash).execute();
}

describe('GET /api/health/deployment/{hash}/app/{app_code}', () => {
  it('answers 200 with the health result when the agent reports in time', async () => {
    const f = await onlineDeployment(t);
    const [res, ran] = await Promise.all([get(t, url(f.hash)), f.agent.runOnce(healthResult, 5)]);
    expect(ran?.type).toBe('health');
    expect(ran?.parameters).toMatchObject({ app_code: 'web', include_metrics: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      message: 'OK',
      item: {
        type: 'health',
        deployment_hash: f.hash,
        app_code: 'web',
        status: 'ok',
        container_state: 'running',
        last_heartbeat_at: '2026-01-09T00:00:05Z',
        metrics: {
          cpu_pct: 0.12,
          mem_limit_bytes: 536870912,
          mem_pct: 4.5,
          mem_usage_mb: 24.1,
          rx_bytes: 1,
          tx_bytes: 2,
        },
        errors: [],
      },
    });
  });

  it('answers the all_health result for app_code "all"', async () => {
    const f = await onlineDeployment(t);
    const allHealth = (command: AgentCommand) => ({
      containers: [
        { app_code: 'web', container_name: 'web-1', container_state: 'running', status: 'ok' },
        { app_code: 'db', container_name: 'db-1', container_state: 'exited', status: 'unhealthy' },
      ],
      deployment_hash: command.deployment_hash,
      last_heartbeat_at: '2026-01-09T00:00:05Z',
      status: 'degraded',
      type: 'all_health',
    });
    const [res] = await Promise.all([get(t, url(f.hash, 'all')), f.agent.runOnce(allHealth, 5)]);
    expect(res.statusCode).toBe(200);
    expect(res.json().item).toMatchObject({ type: 'all_health', status: 'degraded' });
    expect(res.json().item.containers).toHaveLength(2);
  });

  it('answers 202 with the command to follow when the agent is slow', async () => {
    const f = await onlineDeployment(slow);
    const res = await get(slow, url(f.hash));
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toEqual({
      message: 'Health check pending',
      command_id: expect.any(String),
      status: 'pending',
    });
    expect(res.headers.location).toBe(`/api/v1/commands/${f.hash}/${body.command_id}`);
    // The agent answers later; the command carries the result for whoever follows it.
    await f.agent.runOnce(healthResult, 5);
    const followed = await get(slow, `/api/v1/commands/${f.hash}/${body.command_id}`);
    expect(followed.json().item).toMatchObject({ status: 'completed', result: { status: 'ok' } });
  });

  it('reuses a health check already in flight for the same app instead of queueing another', async () => {
    const f = await onlineDeployment(slow);
    const [a, b] = await Promise.all([get(slow, url(f.hash)), get(slow, url(f.hash))]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(b.json().command_id).toBe(a.json().command_id);
    const again = await get(slow, url(f.hash));
    expect(again.json().command_id).toBe(a.json().command_id);
    // Another app is another health check.
    const db = await get(slow, url(f.hash, 'db'));
    expect(db.json().command_id).not.toBe(a.json().command_id);
    const health = (await commandsOf(slow, f.hash)).filter((c) => c.type === 'health');
    expect(health.map((c) => c.app_code).sort()).toEqual(['db', 'web']);
  });

  it('answers 503 agent_offline at once, without enqueueing, when the agent is offline', async () => {
    const quiet = await deploymentWithAgent(t);
    const res = await get(t, url(quiet.hash));
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('agent_offline');
    expect(await commandsOf(t, quiet.hash)).toEqual([]);

    const noAgent = await insertDeployment(t.database.db, { userId: userId('vendor') });
    expect((await get(t, url(noAgent))).json().code).toBe('agent_offline');
  });

  it('answers 400 for an app code the catalog refuses, but 404 first for a deployment not yours', async () => {
    const f = await onlineDeployment(t);
    const bad = await get(t, url(f.hash, 'Not_An_App'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    expect(bad.json().errors[0].path).toBe('parameters.app_code');
    const foreign = await get(t, url(f.hash, 'Not_An_App'), 'customerFree');
    expect(foreign.statusCode).toBe(404);
    expect((await get(t, url(f.hash), 'customerFree')).statusCode).toBe(404);
    expect(await commandsOf(t, f.hash)).toEqual([]);
  });

  it('queues the check even when the agent does not advertise status_panel (the agent decides)', async () => {
    const f = await onlineDeployment(slow, { capabilities: ['docker'] });
    const res = await get(slow, url(f.hash));
    expect(res.statusCode).toBe(202);
    expect(res.json().status).toBe('pending');
  });

  it('answers 502 command_failed when the agent reports a failure', async () => {
    const f = await onlineDeployment(t);
    const failing = async () => {
      const polled = await f.agent.poll(5);
      const command = polled.json().item as AgentCommand;
      return f.agent.report(command, null, {
        status: 'failed',
        error: 'docker daemon is not running',
        errors: [{ code: 'docker_unavailable', message: 'docker daemon is not running' }],
      });
    };
    const [res, reported] = await Promise.all([get(t, url(f.hash)), failing()]);
    expect(reported.statusCode).toBe(200);
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'command_failed', command_status: 'failed' });
    expect(JSON.stringify(res.json().error)).toContain('docker daemon is not running');
  });
});
