import type { InjectOptions } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliProjectBody } from '../../fixtures/project-forms.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, type DevUser, userId } from '../../helpers/auth.js';
import { cliApiResponse, cliProjectInfo, parseAsCli } from '../../helpers/cli-shapes.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Form = { custom: { web: Record<string, unknown>[] } };

const PREFIXES = ['/api/v1/project', '/project'] as const;

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, user: DevUser, payload?: unknown) => {
  const options: InjectOptions = { method, url, headers: bearer(user) };
  if (payload !== undefined) options.payload = payload as InjectOptions['payload'];
  return t.app.inject(options);
};

async function create(user: DevUser, body: unknown = cliProjectBody(), prefix = '/project') {
  const res = await call('POST', prefix, user, body);
  expect(res.statusCode, res.body).toBe(200);
  return parseAsCli(cliApiResponse(cliProjectInfo), res.json()).item!;
}

const projectCount = async () =>
  Number(
    (
      await t.app.db
        .selectFrom('project')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const appRows = (projectId: number) =>
  t.app.db
    .selectFrom('project_app')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('deploy_order')
    .execute();

describe('projects CRUD', () => {
  it.each(PREFIXES)('POST %s answers 200 "Ok" with a Project the CLI parses', async (prefix) => {
    const res = await call('POST', prefix, 'customerFree', cliProjectBody('website'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.message).toBe('Ok');
    const project = parseAsCli(cliApiResponse(cliProjectInfo), body).item!;
    expect(project).toMatchObject({ name: 'website', user_id: userId('customerFree') });
    expect(body.item.stack_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.item).not.toHaveProperty('request_json');
    expect(Object.keys(body)).toEqual(['message', 'item']);
  });

  it('stores the normalized form as metadata and the raw body as request_json', async () => {
    const project = await create('customerFree');
    const row = await t.app.db
      .selectFrom('project')
      .select(['metadata', 'request_json'])
      .where('id', '=', project.id)
      .executeTakeFirstOrThrow();
    const web = (row.metadata as Form).custom.web[0]!;
    expect(web.healthcheck).toBeUndefined();
    expect((web.volumes as unknown[])[0]).toEqual({
      host_path: './site',
      container_path: '/usr/share/nginx/html',
    });
    expect(web.environment).toEqual([{ key: 'APP_ENV', value: 'production' }]);
    const raw = (row.request_json as Form).custom.web[0]!;
    expect(raw.healthcheck).toBeDefined();
    expect((raw.volumes as { read_only?: boolean }[])[0]?.read_only).toBe(true);
  });

  it('syncs the project-level apps from the form (web, service, feature; platform apps skipped)', async () => {
    const project = await create('customerFree');
    const apps = await appRows(project.id);
    expect(apps.map((a) => [a.code, a.image, a.deploy_order, a.deployment_id])).toEqual([
      ['website', 'nginx:1.27', 1, null],
      ['postgres', 'postgres:16', 2, null],
    ]);
    expect(apps[0]).toMatchObject({
      restart_policy: 'always',
      environment: { APP_ENV: 'production' },
      ports: [{ host_port: '8080', container_port: '80' }],
      networks: ['default_network'],
      enabled: true,
      ssl_enabled: false,
    });
  });

  it('accepts environment as a map, and nulls as absent', async () => {
    const body = cliProjectBody('maps');
    const web = body.custom.web[0] as Record<string, unknown>;
    web.environment = { PORT: 8080, DEBUG: 'false' };
    web.command = null;
    web.dockerhub_user = null;
    const project = await create('customerFree', body);
    const [app] = await appRows(project.id);
    expect(app?.environment).toEqual({ PORT: '8080', DEBUG: 'false' });
    expect(app?.command).toBeNull();
  });

  it.each(PREFIXES)("GET %s is the whole list of the caller's projects, no pagination", async (prefix) => {
    const before = (await call('GET', prefix, 'customerPro')).json().list.length;
    await t.app.db
      .insertInto('project')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          user_id: userId('customerPro'),
          name: `bulk-${prefix.length}-${i}`,
          metadata: JSON.stringify({}),
        })),
      )
      .execute();
    const res = await call('GET', prefix, 'customerPro');
    expect(res.statusCode).toBe(200);
    const body = parseAsCli(cliApiResponse(cliProjectInfo), res.json());
    expect(body.list).toHaveLength(before + 60);
    expect(body.list!.every((p) => p.user_id === userId('customerPro'))).toBe(true);
    expect(res.json()).not.toHaveProperty('meta');
  });

  it.each(PREFIXES)(
    'GET %s/{id} reads one; another user, a non-integer or a too large id is 404',
    async (prefix) => {
      const project = await create('customerFree');
      const own = await call('GET', `${prefix}/${project.id}`, 'customerFree');
      expect(own.statusCode).toBe(200);
      expect(parseAsCli(cliApiResponse(cliProjectInfo), own.json()).item?.id).toBe(project.id);
      for (const [user, id] of [
        ['customerPro', String(project.id)],
        ['customerFree', 'abc'],
        ['customerFree', '1.5'],
        ['customerFree', '99999999999'],
        ['customerFree', '0'],
      ] as const) {
        const res = await call('GET', `${prefix}/${id}`, user);
        expect(res.statusCode, `${user} ${id}`).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('project_not_found');
      }
    },
  );

  it('GET /project/shared is an empty list (no members yet)', async () => {
    const res = await call('GET', '/project/shared', 'customerFree');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ message: 'OK', list: [] });
  });

  it('refuses an unauthenticated caller', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/project' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/project/1' })).statusCode).toBe(401);
  });
});

describe('validation before any write', () => {
  const invalid: [string, (b: ReturnType<typeof cliProjectBody>) => unknown, string][] = [
    ['no custom', () => ({}), 'body.custom'],
    ['no web', (b) => ({ custom: { ...b.custom, web: undefined } }), 'body.custom.web'],
    [
      'a 2-char stack code',
      (b) => ({ custom: { ...b.custom, custom_stack_code: 'ab' } }),
      'body.custom.custom_stack_code',
    ],
    [
      'a service called db',
      (b) => ({ custom: { ...b.custom, service: [{ ...b.custom.service[0], code: 'db' }] } }),
      'body.custom.service.0.code',
    ],
    [
      'an unknown restart policy',
      (b) => ({ custom: { ...b.custom, web: [{ ...b.custom.web[0], restart: 'sometimes' }] } }),
      'body.custom.web.0.restart',
    ],
    [
      'a host port with letters',
      (b) => ({
        custom: {
          ...b.custom,
          web: [{ ...b.custom.web[0], shared_ports: [{ host_port: 'x80', container_port: '80' }] }],
        },
      }),
      'body.custom.web.0.shared_ports.0.host_port',
    ],
    [
      'an app without _id',
      (b) => ({ custom: { ...b.custom, web: [{ ...b.custom.web[0], _id: undefined }] } }),
      'body.custom.web.0._id',
    ],
  ];

  it.each(invalid)(
    '%s is 400 naming the field, on both prefixes, and writes nothing',
    async (_, mutate, path) => {
      const before = await projectCount();
      for (const prefix of PREFIXES) {
        const res = await call('POST', prefix, 'customerFree', mutate(cliProjectBody('refused')));
        expect(res.statusCode).toBe(400);
        expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      }
      expect(await projectCount()).toBe(before);
    },
  );

  it('a refused PUT changes nothing (both prefixes)', async () => {
    const project = await create('customerFree');
    for (const prefix of PREFIXES) {
      const res = await call('PUT', `${prefix}/${project.id}`, 'customerFree', {
        custom: { custom_stack_code: 'x' },
      });
      expect(res.statusCode).toBe(400);
    }
    const after = await call('GET', `/project/${project.id}`, 'customerFree');
    expect(after.json().item.updated_at).toBe(project.updated_at);
    expect(await appRows(project.id)).toHaveLength(2);
  });
});

describe('update and delete', () => {
  it.each(PREFIXES)('PUT %s/{id} replaces name and metadata and re-syncs apps (ids kept)', async (prefix) => {
    const project = await create('customerFree');
    const [website] = await appRows(project.id);
    const body = cliProjectBody('renamed');
    body.custom.web[0]!.code = 'website';
    body.custom.service = [];
    const res = await call('PUT', `${prefix}/${project.id}`, 'customerFree', body);
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toBe('success');
    const updated = parseAsCli(cliApiResponse(cliProjectInfo), res.json()).item!;
    expect(updated).toMatchObject({ id: project.id, name: 'renamed' });
    const apps = await appRows(project.id);
    expect(apps.map((a) => [a.id, a.code])).toEqual([[website!.id, 'website']]);
  });

  it('keeps deployment-scoped app rows on re-sync', async () => {
    const project = await create('customerFree');
    const hash = await insertDeployment(t.app.db, { userId: userId('customerFree') });
    const deployment = await t.app.db
      .updateTable('deployment')
      .set({ project_id: project.id })
      .where('deployment_hash', '=', hash)
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.app.db
      .insertInto('project_app')
      .values({
        project_id: project.id,
        deployment_id: deployment.id,
        code: 'postgres',
        name: 'pg',
        image: 'postgres:15',
      })
      .execute();
    const body = cliProjectBody('website');
    body.custom.service = [];
    expect((await call('PUT', `/project/${project.id}`, 'customerFree', body)).statusCode).toBe(200);
    const apps = await appRows(project.id);
    expect(apps.map((a) => [a.code, a.deployment_id])).toEqual([
      ['website', null],
      ['postgres', deployment.id],
    ]);
  });

  it("PUT and DELETE of another user's project are 404 and change nothing", async () => {
    const project = await create('customerFree');
    expect(
      (await call('PUT', `/project/${project.id}`, 'customerPro', cliProjectBody('stolen'))).statusCode,
    ).toBe(404);
    expect((await call('DELETE', `/api/v1/project/${project.id}`, 'customerPro')).statusCode).toBe(404);
    const still = await call('GET', `/project/${project.id}`, 'customerFree');
    expect(still.json().item.name).toBe('website');
  });

  it.each(PREFIXES)(
    'DELETE %s/{id} cascades and tells the Install Service about each live deployment',
    async (prefix) => {
      const project = await create('customerFree');
      const live = await insertDeployment(t.app.db, { userId: userId('customerFree') });
      const gone = await insertDeployment(t.app.db, { userId: userId('customerFree'), status: 'deleted' });
      await t.app.db
        .updateTable('deployment')
        .set({ project_id: project.id })
        .where('deployment_hash', 'in', [live, gone])
        .execute();

      const res = await call('DELETE', `${prefix}/${project.id}`, 'customerFree');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ message: 'Deleted' });
      expect((await call('GET', `${prefix}/${project.id}`, 'customerFree')).statusCode).toBe(404);
      expect(await appRows(project.id)).toEqual([]);
      const deployments = await t.app.db
        .selectFrom('deployment')
        .select('id')
        .where('deployment_hash', 'in', [live, gone])
        .execute();
      expect(deployments).toEqual([]);
      const events = await t.app.db
        .selectFrom('outbox')
        .select(['topic', 'ordering_key', 'payload'])
        .where('ordering_key', 'in', [live, gone])
        .execute();
      expect(events).toEqual([
        {
          topic: 'install.delete',
          ordering_key: live,
          payload: { deployment_hash: live, project_id: project.id, user_id: userId('customerFree') },
        },
      ]);
      expect((await call('DELETE', `${prefix}/${project.id}`, 'customerFree')).statusCode).toBe(404);
    },
  );
});
