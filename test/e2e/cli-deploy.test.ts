import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DEV_TOKENS } from '../../dev/user-service/index.js';
import { cliProjectBody } from '../fixtures/project-forms.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BROKER_URL, probeBroker, type Tap, tap } from '../helpers/broker.js';
import {
  cliApiResponse,
  cliDeploymentStatusInfo,
  cliDeployResponse,
  cliProjectAppInfo,
  cliProjectInfo,
  parseAsCli,
} from '../helpers/cli-shapes.js';
import { TEST_AMQP_NAMES } from '../helpers/config.js';
import { waitUntil } from '../helpers/wait.js';

// `stacker deploy` end to end over real HTTP, as the CLI's StackerClient makes its calls: every project
// call goes to /api/v1/project{suffix} first and, on any non-2xx, again to /project{suffix}; replies are
// parsed as strictly as serde would. The install messages are consumed from a real RabbitMQ queue bound
// to this run's own exchange (never the production `install`), and their compose decompresses back to
// the file the API serves.

const { skip } = await probeBroker('cli deploy end to end');
let t: TestApp;
let base: string;
let installs: Tap;

beforeAll(async () => {
  if (skip) return;
  t = await buildTestApp({ backgroundJobs: true, env: { AMQP_URL: BROKER_URL } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  await waitUntil(() => t.app.amqp.status() === 'ok', 'the broker connection');
  installs = await tap(TEST_AMQP_NAMES.installExchange, 'install.start.*.all.all');
});
afterAll(async () => {
  await installs?.close();
  await t?.close();
});

const token = DEV_TOKENS.customerFree;
const attempts: { url: string; status: number }[] = [];

/** `send_project_request`: both prefixes in order, the last reply kept. */
async function projectRequest(method: string, suffix: string, body?: unknown) {
  let last: Response | undefined;
  for (const url of [`${base}/api/v1/project${suffix}`, `${base}/project${suffix}`]) {
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    attempts.push({ url: url.slice(base.length), status: res.status });
    if (res.ok) return res;
    last = res;
  }
  return last!;
}

async function parsed<T extends z.ZodType>(res: Response, schema: T) {
  expect(res.ok, `${res.status} ${res.url}`).toBe(true);
  return parseAsCli(schema, await res.json());
}

async function deploymentById(id: number) {
  const res = await fetch(`${base}/api/v1/deployments/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await parsed(res, cliApiResponse(cliDeploymentStatusInfo))).item!;
}

const installFor = (hash: string) => installs.messages.find((m) => m.properties.correlationId === hash);

describe.skipIf(skip)('stacker deploy, end to end', () => {
  it('creates the project, registers apps, reads compose, deploys to a cloud and to a server', async () => {
    const name = 'cli-e2e-site';
    // find_project_by_name: the whole list, scanned case-insensitively.
    const before = (await parsed(await projectRequest('GET', ''), cliApiResponse(cliProjectInfo))).list ?? [];
    expect(before.find((p) => p.name.toLowerCase() === name)).toBeUndefined();

    const project = (
      await parsed(await projectRequest('POST', '', cliProjectBody(name)), cliApiResponse(cliProjectInfo))
    ).item!;
    expect(project.name).toBe(name);
    const listed = (await parsed(await projectRequest('GET', ''), cliApiResponse(cliProjectInfo))).list!;
    expect(listed.find((p) => p.name.toLowerCase() === name)?.id).toBe(project.id);

    // upsert_project_app for each stacker.yml service, then list_project_apps.
    for (const [i, app] of [
      { code: name, name, image: 'nginx:1.27', ports: ['8080:80'] },
      {
        code: 'postgres',
        name: 'postgres',
        image: 'postgres:16',
        env: { POSTGRES_DB: 'app' },
        depends_on: [],
      },
    ].entries()) {
      const registered = (
        await parsed(
          await projectRequest('POST', `/${project.id}/apps`, { ...app, enabled: true, deploy_order: i + 1 }),
          cliApiResponse(cliProjectAppInfo),
        )
      ).item!;
      expect(registered).toMatchObject({
        project_id: project.id,
        code: app.code,
        enabled: true,
        deploy_order: i + 1,
      });
    }
    const apps = (
      await parsed(await projectRequest('GET', `/${project.id}/apps`), cliApiResponse(cliProjectAppInfo))
    ).list!;
    expect(apps.map((a) => a.code)).toEqual([name, 'postgres']);

    const composeReply = (await (await projectRequest('GET', `/${project.id}/compose`)).json()) as {
      id: number;
      item: string;
    };
    expect(composeReply.id).toBe(project.id);

    // A cloud target: provider htz, credentials from the environment, save_token.
    const cloudDeploy = await projectRequest('POST', `/${project.id}/deploy`, {
      cloud: { provider: 'htz', save_token: true, cloud_token: 'hcloud-e2e-token' },
      server: { region: 'nbg1', server: 'cpx11', os: 'docker-ce', name: `${name}-a3f1` },
      stack: {
        stack_code: name,
        vars: [],
        integrated_features: [],
        extended_features: [],
        subscriptions: [],
      },
      runtime: 'runc',
    });
    const cloudReply = await parsed(cloudDeploy, cliDeployResponse);
    expect(cloudReply.id).toBe(project.id);
    const cloudDeployment = await deploymentById(cloudReply.meta!.deployment_id);
    expect(cloudDeployment).toMatchObject({
      id: cloudReply.meta!.deployment_id,
      project_id: project.id,
      status: 'pending',
    });

    // A server target: the status panel on, the user's key inline.
    const serverDeploy = await projectRequest('POST', `/${project.id}/deploy`, {
      cloud: { provider: 'own', save_token: false },
      server: {
        name: 'my-box',
        srv_ip: '198.51.100.7',
        ssh_user: 'root',
        ssh_port: 22,
        connection_mode: 'status_panel',
      },
      stack: {
        stack_code: name,
        vars: [{ key: 'status_panel_port', value: '5000' }],
        integrated_features: ['statuspanel'],
        extended_features: [],
        subscriptions: [],
      },
      runtime: 'runc',
    });
    const serverReply = await parsed(serverDeploy, cliDeployResponse);
    const serverDeployment = await deploymentById(serverReply.meta!.deployment_id);

    await waitUntil(
      () => installFor(cloudDeployment.deployment_hash) && installFor(serverDeployment.deployment_hash),
      'both install messages on the queue',
    );
    for (const [deployment, route] of [
      [cloudDeployment, 'install.start.tfa.all.all'],
      [serverDeployment, 'install.start.own.all.all'],
    ] as const) {
      const message = installFor(deployment.deployment_hash)!;
      expect(message.fields.routingKey).toBe(route);
      expect(message.properties.contentType).toBe('application/json');
      const body = JSON.parse(message.content.toString('utf8'));
      expect(body).toMatchObject({
        id: deployment.id,
        project_id: project.id,
        deployment_hash: deployment.deployment_hash,
      });
      const compose = brotliDecompressSync(Buffer.from(body.docker_compose as number[])).toString('utf8');
      expect(compose).toBe(composeReply.item);
    }
    // Every call above succeeded on its first prefix.
    expect(attempts.every((a) => a.url.startsWith('/api/v1/project') && a.status === 200)).toBe(true);
  });

  it('a refused deploy arrives on both prefixes and writes nothing', async () => {
    const project = (
      await parsed(
        await projectRequest('POST', '', cliProjectBody('cli-e2e-refused')),
        cliApiResponse(cliProjectInfo),
      )
    ).item!;
    const deployments = async () =>
      (await t.app.db.selectFrom('deployment').select('id').where('project_id', '=', project.id).execute())
        .length;
    attempts.length = 0;
    const res = await projectRequest('POST', `/${project.id}/deploy`, {
      cloud: { provider: 'htz', save_token: true },
      server: { name: 'x' },
      stack: { stack_code: 'cli-e2e-refused' },
    });
    expect(res.status).toBe(400);
    expect(attempts.map((a) => [a.url, a.status])).toEqual([
      [`/api/v1/project/${project.id}/deploy`, 400],
      [`/project/${project.id}/deploy`, 400],
    ]);
    expect(await deployments()).toBe(0);
  });
});
