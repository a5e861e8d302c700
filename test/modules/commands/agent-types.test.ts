import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentWithAgent, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { userId } from '../../helpers/auth.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';

// The deployed agent's other command types end to end: stored with defaults filled, extra keys kept,
// unknown types delivered unchanged, and the few capability refusals (deployment-lifecycle.md).

let t: TestApp;
let enforcing: TestApp;
let f: Fixture;
beforeAll(async () => {
  [t, enforcing] = await Promise.all([
    buildTestApp(),
    buildTestApp({ env: { STACKER_CONFIGURE_PROXY_CAPABILITY_MODE: 'enforce' } }),
  ]);
  f = await deploymentWithAgent(t, { capabilities: ['status_panel', 'docker', 'logs', 'compose'] });
});
afterAll(async () => {
  await Promise.all([t?.close(), enforcing?.close()]);
});

const enqueue = (app: TestApp, fixture: Fixture, command_type: string, parameters?: unknown) =>
  app.app.inject({
    method: 'POST',
    url: '/api/v1/commands',
    headers: fixture.owner,
    payload: {
      deployment_hash: fixture.hash,
      command_type,
      ...(parameters === undefined ? {} : { parameters }),
    },
  });

/** What the agent receives on its next poll. */
async function delivered(fixture: Fixture): Promise<{ type: string; parameters: Record<string, unknown> }> {
  const res = await fixture.agent.poll(5);
  expect(res.statusCode).toBe(200);
  return res.json().item;
}

describe('command types the agent runs', () => {
  it('stores configure_firewall with the action the agent needs, and delivers it so', async () => {
    const res = await enqueue(t, f, 'configure_firewall', { public_ports: [{ port: 443 }] });
    expect(res.statusCode).toBe(201);
    expect(res.json().item.parameters).toEqual({
      action: 'add',
      public_ports: [{ port: 443, protocol: 'tcp', source: '0.0.0.0/0' }],
      private_ports: [],
      persist: true,
    });
    expect((await delivered(f)).parameters).toMatchObject({ action: 'add', persist: true });
  });

  it('keeps the keys the catalog does not name; registry credentials masked in replies, real for the agent', async () => {
    const registry_auth = { registry: 'ghcr.io', username: 'bot', password: 'reg-secret-42' };
    const res = await enqueue(t, f, 'deploy_app', {
      app_code: 'web',
      image: 'nginx:1.27',
      registry_auth,
      config_files: [{ path: '/etc/x', content: 'y' }],
      future_flag: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().item.parameters).toMatchObject({
      registry_auth: '***',
      config_files: [{ path: '/etc/x', content: 'y' }],
      future_flag: true,
      force_config_overwrite: false,
    });
    expect(res.body).not.toContain('reg-secret-42');
    const command = await delivered(f);
    expect(command.parameters).toMatchObject({ registry_auth, future_flag: true });
  });

  it('accepts a type it does not know and delivers it unchanged (the agent decides)', async () => {
    const parameters = { anything: [1, { nested: null }] };
    const res = await enqueue(t, f, 'docker:restart:web', parameters);
    expect(res.statusCode).toBe(201);
    expect(res.json().item).toMatchObject({ type: 'docker:restart:web', parameters });
    const command = await delivered(f);
    expect(command).toMatchObject({ type: 'docker:restart:web', parameters });
    const none = await enqueue(t, f, 'uname -a');
    expect(none.statusCode).toBe(201);
    expect((await delivered(f)).parameters).toEqual({});
  });

  it('refuses bad parameters of a known type naming the field', async () => {
    const noPort = await enqueue(t, f, 'configure_proxy', {
      app_code: 'web',
      domain_names: ['a.example.com'],
    });
    expect(noPort.statusCode).toBe(400);
    expect(noPort.json().errors[0].path).toBe('parameters.forward_port');
    const tooBig = await enqueue(t, f, 'echo', { blob: 'x'.repeat(64 * 1024) });
    expect(tooBig.statusCode).toBe(400);
  });

  it('queues list_containers on a deployment with no agent yet (the CLI does before every deploy)', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const res = await enqueue(t, { ...f, hash }, 'list_containers');
    expect(res.statusCode).toBe(201);
    expect(res.json().item).toMatchObject({
      status: 'queued',
      parameters: { include_health: true, log_lines: 10 },
    });
  });

  it('queues configure_proxy without vault credentials, and refuses it in enforce mode', async () => {
    const params = { app_code: 'web', domain_names: ['a.example.com'], forward_port: 8080 };
    expect((await enqueue(t, f, 'configure_proxy', params)).statusCode).toBe(201);
    const g = await deploymentWithAgent(enforcing, { capabilities: ['docker'] });
    const refused = await enqueue(enforcing, g, 'configure_proxy', params);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'capability_missing',
      missing: ['npm_credential_source=vault'],
    });
    const h = await deploymentWithAgent(enforcing, {
      capabilities: ['docker', 'npm_credential_source=vault'],
    });
    expect((await enqueue(enforcing, h, 'configure_proxy', params)).statusCode).toBe(201);
  });

  it('lists the new types in /latest', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/commands/${f.hash}/latest`,
      headers: f.owner,
    });
    const types = res.json().list.map((c: { type: string }) => c.type);
    expect(types).toEqual(expect.arrayContaining(['configure_firewall', 'deploy_app', 'docker:restart:web']));
  });
});
