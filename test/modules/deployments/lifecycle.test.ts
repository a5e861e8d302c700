import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, type DevUser } from '../../helpers/auth.js';
import {
  cliApiResponse,
  cliDeploymentEventFeed,
  cliDeploymentState,
  cliDeployPlan,
  cliTypedError,
  parseAsCli,
} from '../../helpers/cli-shapes.js';
import { FakeAgent } from '../../helpers/fake-agent.js';
import { listedTemplate, type TestTemplate, UNLIMITED_DEPLOYS_ENV } from '../../helpers/templates.js';

// `stacker deployments state|events|plan` replayed: replies parsed as strictly as the CLI's structs,
// errors parsed as its typed envelope.

let t: TestApp;
let free: TestTemplate;

beforeAll(async () => {
  t = await buildTestApp({ env: UNLIMITED_DEPLOYS_ENV });
  free = await listedTemplate(t);
});
afterAll(async () => {
  await t?.close();
});

interface Deployed {
  id: number;
  hash: string;
  projectId: number;
}

async function deploy(user: DevUser = 'customerFree'): Promise<Deployed> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: bearer(user),
    payload: { template: free.slug, name: 'shop' },
  });
  expect(res.statusCode).toBe(201);
  const d = res.json().item.deployment;
  return { id: d.id, hash: d.deployment_hash, projectId: d.project_id };
}

async function addApp(d: Deployed, code: string, configVersion: number, syncVersion: number | null) {
  await t.app.db
    .insertInto('project_app')
    .values({
      project_id: d.projectId,
      code,
      name: code.toUpperCase(),
      image: 'nginx:1.27',
      config_version: configVersion,
      vault_sync_version: syncVersion,
    })
    .execute();
}

async function register(d: Deployed, user: DevUser = 'customerFree'): Promise<FakeAgent> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/agent/register',
    headers: bearer(user),
    payload: {
      deployment_hash: d.hash,
      agent_version: '0.2.1',
      capabilities: ['docker', 'compose', 'kata=false'],
    },
  });
  expect(res.statusCode).toBe(201);
  const agent = res.json().data.item;
  return new FakeAgent(t.app, agent.agent_id, agent.agent_token, d.hash, { clock: t.app.clock });
}

async function enqueue(d: Deployed, type: string, parameters: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/commands',
    headers: bearer('customerFree'),
    payload: { deployment_hash: d.hash, command_type: type, parameters },
  });
  expect(res.statusCode).toBe(201);
  return res.json().item.command_id as string;
}

const read = (d: Deployed, what: string, user: DevUser = 'customerFree') =>
  t.app.inject({ method: 'GET', url: `/api/v1/deployments/${d.hash}/${what}`, headers: bearer(user) });

describe('GET /api/v1/deployments/{hash}/state', () => {
  it('answers the state the CLI parses: project, offline agent, runtime paths, apps, no drift', async () => {
    const d = await deploy();
    await addApp(d, 'web', 2, 1);
    const res = await read(d, 'state');
    expect(res.statusCode).toBe(200);
    const state = parseAsCli(cliApiResponse(cliDeploymentState), res.json()).item!;
    expect(state.project).toEqual({ id: d.projectId, identity: 'shop', name: 'shop' });
    expect(state.deployment).toMatchObject({
      id: d.id,
      deploymentHash: d.hash,
      status: 'pending',
      runtime: 'runc',
    });
    expect(state.agent.status).toBe('offline');
    expect(state.agent.features.compose).toBe(false);
    expect(state.runtime.composePath).toBe('/home/trydirect/project/docker-compose.yml');
    expect(state.apps).toEqual([
      { code: 'web', name: 'WEB', enabled: true, configVersion: 2, vaultSyncVersion: 1 },
    ]);
    expect(state.drift).toEqual({ hasDrift: false, summary: 'no drift detected' });
    expect(res.json().item).not.toHaveProperty('lastCommand');
  });

  it("shows the agent's capabilities and features and the newest command with a timestamp", async () => {
    const d = await deploy();
    const agent = await register(d);
    await agent.appStatus();
    await enqueue(d, 'list_containers');
    const state = parseAsCli(cliApiResponse(cliDeploymentState), (await read(d, 'state')).json()).item!;
    expect(state.agent).toMatchObject({ id: agent.id, status: 'online', version: '0.2.1' });
    expect(state.agent.features).toEqual({
      compose: true,
      kataRuntime: false,
      backup: false,
      pipes: false,
      proxyCredentialsVault: false,
    });
    expect(state.lastCommand).toMatchObject({ type: 'list_containers', status: 'queued' });
  });

  it("answers someone else's deployment with the typed 404", async () => {
    const d = await deploy('customerPro');
    for (const what of ['state', 'events', 'plan']) {
      const res = await read(d, what);
      expect(res.statusCode).toBe(404);
      expect(parseAsCli(cliTypedError, res.json()).code).toBe('deployment_not_found');
    }
  });
});

describe('GET /api/v1/deployments/{hash}/events', () => {
  it('derives ordered events from the status message and the commands', async () => {
    const d = await deploy();
    await t.app.db
      .updateTable('deployment')
      .set({ status: 'completed', status_message: 'Installed', updated_at: new Date(Date.now() + 60_000) })
      .where('id', '=', d.id)
      .execute();
    const agent = await register(d);
    const sent = await enqueue(d, 'health', { app_code: 'web' });
    expect((await agent.poll(5)).statusCode).toBe(200);
    const queued = await enqueue(d, 'list_containers');
    const res = await read(d, 'events');
    const feed = parseAsCli(cliApiResponse(cliDeploymentEventFeed), res.json()).item!;
    expect(feed.deploymentHash).toBe(d.hash);
    expect(feed.events.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    expect(feed.events.map((e) => [e.kind, e.commandId ?? null])).toEqual([
      ['command_queued', sent],
      ['command_sent', sent],
      ['command_queued', queued],
      ['deployment_status', null],
    ]);
    expect(feed.events[1]).toMatchObject({ classification: 'progress', summary: 'health sent to agent' });
    expect(feed.events[3]).toMatchObject({
      classification: 'success',
      summary: 'Installed',
      status: 'completed',
    });
  });
});

describe('GET /api/v1/deployments/{hash}/plan', () => {
  const plan = (d: Deployed, query: string) => read(d, `plan${query}`);

  it('plans a config sync for apps ahead of their synced version, with a stable fingerprint', async () => {
    const d = await deploy();
    await addApp(d, 'web', 3, 1);
    await addApp(d, 'db', 1, 1);
    const first = parseAsCli(cliApiResponse(cliDeployPlan), (await plan(d, '')).json()).item!;
    expect(first).toMatchObject({ operation: 'deploy', target: 'cloud', hasChanges: true });
    expect(first.scope).toEqual({ mode: 'deployment', selectedApps: ['db', 'web'] });
    expect(first.actions).toEqual([
      { kind: 'sync_app_config', target: 'app', appCode: 'web', reason: expect.any(String) },
    ]);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const again = (await plan(d, `?expectedFingerprint=${first.fingerprint}`)).json().item;
    expect(again.fingerprint).toBe(first.fingerprint);
  });

  it('puts redeploy_app first for deploy_app and answers 400 invalid_request for an unknown app', async () => {
    const d = await deploy();
    await addApp(d, 'web', 2, 1);
    const res = await plan(d, '?operation=deploy_app&target=server&appCode=web');
    const p = parseAsCli(cliApiResponse(cliDeployPlan), res.json()).item!;
    expect(p.actions.map((a) => a.kind)).toEqual(['redeploy_app', 'sync_app_config']);
    expect(p.scope).toEqual({ mode: 'app', appCode: 'web', selectedApps: ['web'] });
    const unknown = await plan(d, '?appCode=nope');
    expect(unknown.statusCode).toBe(400);
    expect(parseAsCli(cliTypedError, unknown.json())).toMatchObject({
      code: 'invalid_request',
      remediationClass: 'configuration',
    });
  });

  it('answers 409 plan_stale with both fingerprints when the inputs moved', async () => {
    const d = await deploy();
    await addApp(d, 'web', 2, 1);
    const before = (await plan(d, '')).json().item.fingerprint;
    await t.app.db
      .updateTable('project_app')
      .set({ vault_sync_version: 2 })
      .where('project_id', '=', d.projectId)
      .execute();
    const res = await plan(d, `?expectedFingerprint=${before}`);
    expect(res.statusCode).toBe(409);
    const error = parseAsCli(cliTypedError, res.json());
    expect(error).toMatchObject({ code: 'plan_stale', retryable: false, remediationClass: 'state' });
    expect(error.context).toEqual({
      expectedFingerprint: before,
      actualFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      deploymentHash: d.hash,
    });
  });

  it('answers 400 rollback_target_unavailable when there is no older template version', async () => {
    const d = await deploy();
    const res = await plan(d, '?operation=rollback_deploy&rollbackTarget=previous');
    expect(res.statusCode).toBe(400);
    expect(parseAsCli(cliTypedError, res.json()).code).toBe('rollback_target_unavailable');
    const missing = await plan(d, '?operation=rollback_deploy');
    expect(parseAsCli(cliTypedError, missing.json()).code).toBe('invalid_request');
  });
});
