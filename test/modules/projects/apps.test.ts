import type { InjectOptions } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliProjectBody } from '../../fixtures/project-forms.js';
import { buildTestApp, type TestApp, testSecretBox } from '../../helpers/app.js';
import { bearer, type DevUser, userId } from '../../helpers/auth.js';
import { cliApiResponse, cliProjectAppInfo, parseAsCli } from '../../helpers/cli-shapes.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';

const box = testSecretBox();
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ secretBox: box });
});
afterAll(async () => {
  await t?.close();
});

const PREFIXES = ['/api/v1/project', '/project'] as const;

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, user: DevUser, payload?: unknown) => {
  const options: InjectOptions = { method, url, headers: bearer(user) };
  if (payload !== undefined) options.payload = payload as InjectOptions['payload'];
  return t.app.inject(options);
};

async function newProject(user: DevUser = 'customerFree', name = 'website'): Promise<number> {
  const res = await call('POST', '/project', user, cliProjectBody(name));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().item.id;
}

const SECRET_MESSAGE = (key: string, projectId: number, app: string) =>
  `Environment variable '${key}' is managed as a remote service secret. Use 'stacker secrets set ${key} --scope service --project ${projectId} --service ${app}' instead.`;

describe('app routes', () => {
  it.each(PREFIXES)(
    'GET %s/{id}/apps lists every app as the CLI parses it, secrets redacted',
    async (prefix) => {
      const id = await newProject();
      const res = await call('GET', `${prefix}/${id}/apps`, 'customerFree');
      expect(res.statusCode).toBe(200);
      const parsed = parseAsCli(cliApiResponse(cliProjectAppInfo), res.json());
      expect(parsed.list?.map((a) => [a.code, a.image, a.enabled, a.deploy_order])).toEqual([
        ['website', 'nginx:1.27', true, 1],
        ['postgres', 'postgres:16', true, 2],
      ]);
      const postgres = res.json().list[1];
      expect(postgres.environment).toEqual({ POSTGRES_PASSWORD: '[REDACTED]', POSTGRES_DB: 'app' });
      expect(postgres.networks).toEqual(['default_network']);
      expect(postgres).toMatchObject({ config_files: [], compose: null, depends_on: [], healthcheck: {} });
    },
  );

  it.each(PREFIXES)(
    'POST %s/{id}/apps upserts by code (case kept), stores JSON as sent, redacts reads',
    async (prefix) => {
      const id = await newProject();
      const body = {
        code: 'Api',
        name: 'api',
        image: 'ghcr.io/acme/api:2.1',
        env: { API_TOKEN: 'tok-123', LOG_LEVEL: 'info', TLS_MODE: 'strict' },
        ports: ['8080:80'],
        volumes: ['data:/data'],
        depends_on: ['postgres'],
        config_files: [{ name: 'app.conf', content: 'x=1' }],
      };
      const first = await call('POST', `${prefix}/${id}/apps`, 'customerFree', body);
      expect(first.statusCode, first.body).toBe(200);
      const app = parseAsCli(cliApiResponse(cliProjectAppInfo), first.json()).item!;
      expect(app).toMatchObject({ code: 'Api', name: 'api', image: 'ghcr.io/acme/api:2.1', enabled: true });
      expect(first.json().item.environment).toEqual({
        API_TOKEN: '[REDACTED]',
        LOG_LEVEL: 'info',
        TLS_MODE: '[REDACTED]',
      });
      expect(first.json().item.labels).toEqual({ config_files: body.config_files });
      const row = await t.app.db
        .selectFrom('project_app')
        .selectAll()
        .where('id', '=', app.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ environment: body.env, ports: ['8080:80'], depends_on: ['postgres'] });

      const again = await call('POST', `${prefix}/${id}/apps`, 'customerFree', {
        app_code: 'Api',
        image: 'ghcr.io/acme/api:2.2',
      });
      expect(again.statusCode).toBe(200);
      expect(again.json().item).toMatchObject({ id: app.id, image: 'ghcr.io/acme/api:2.2', name: 'Api' });
    },
  );

  it('refuses a blank code or image with 400 and writes nothing', async () => {
    const id = await newProject();
    for (const body of [{ code: '  ', image: 'nginx' }, { code: 'web2', image: ' ' }, { image: 'nginx' }]) {
      for (const prefix of PREFIXES) {
        const res = await call('POST', `${prefix}/${id}/apps`, 'customerFree', body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
      }
    }
    const apps = await call('GET', `/project/${id}/apps`, 'customerFree');
    expect(apps.json().list).toHaveLength(2);
  });

  it('GET and DELETE one app; an unknown code is 404 "App not found"', async () => {
    const id = await newProject();
    const got = await call('GET', `/project/${id}/apps/website`, 'customerFree');
    expect(got.statusCode).toBe(200);
    expect(parseAsCli(cliApiResponse(cliProjectAppInfo), got.json()).item?.code).toBe('website');
    const missing = await call('GET', `/project/${id}/apps/nope`, 'customerFree');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe('App not found');
    const deleted = await call('DELETE', `/api/v1/project/${id}/apps/website`, 'customerFree');
    expect(deleted.json()).toEqual({
      message: 'OK',
      item: { success: true, message: 'App removed from project' },
    });
    expect((await call('DELETE', `/project/${id}/apps/website`, 'customerFree')).statusCode).toBe(404);
  });

  it("keeps and removes an app's rendered config for a deployment (sealed)", async () => {
    const id = await newProject();
    const hash = await insertDeployment(t.app.db, { userId: userId('customerFree') });
    const dep = await t.app.db
      .updateTable('deployment')
      .set({ project_id: id })
      .where('deployment_hash', '=', hash)
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await call('POST', `/project/${id}/apps`, 'customerFree', {
      code: 'worker',
      image: 'acme/worker:1',
      env: { DB_PASSWORD: 'pw-very-secret' },
      deployment_hash: hash,
    });
    expect(res.statusCode).toBe(200);
    const stored = await t.app.db
      .selectFrom('project_app_config')
      .selectAll()
      .where('deployment_id', '=', dep.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.config_ciphertext.toString('latin1')).not.toContain('pw-very-secret');
    expect(box.openJson<{ environment: unknown }>(stored[0]!.config_ciphertext).environment).toEqual({
      DB_PASSWORD: 'pw-very-secret',
    });
    const other = await call('POST', `/project/${id}/apps`, 'customerFree', {
      code: 'worker',
      image: 'acme/worker:1',
      deployment_hash: 'deployment_not-mine',
    });
    expect(other.statusCode).toBe(404);
    const removed = await call(
      'DELETE',
      `/project/${id}/apps/worker?deployment_hash=${hash}`,
      'customerFree',
    );
    expect(removed.statusCode).toBe(200);
    expect(
      await t.app.db
        .selectFrom('project_app_config')
        .selectAll()
        .where('deployment_id', '=', dep.id)
        .execute(),
    ).toEqual([]);
  });

  it('config, env (merge, delete), ports and domain', async () => {
    const id = await newProject();
    const base = `/project/${id}/apps/postgres`;
    const config = await call('GET', `${base}/config`, 'customerFree');
    expect(config.json().item).toMatchObject({
      project_id: id,
      app_code: 'postgres',
      environment: { POSTGRES_PASSWORD: '[REDACTED]', POSTGRES_DB: 'app' },
      restart_policy: 'always',
      ssl_enabled: false,
      runtime_env_contract: { version: 'v1', order: 'lowest_to_highest' },
    });
    const merged = await call('PUT', `${base}/env`, 'customerFree', { variables: { PGDATA: '/var/lib/pg' } });
    expect(merged.json().item).toMatchObject({ success: true });
    const env = await call('GET', `${base}/env`, 'customerFree');
    expect(env.json().item).toMatchObject({
      count: 3,
      variables: { POSTGRES_PASSWORD: '[REDACTED]', POSTGRES_DB: 'app', PGDATA: '/var/lib/pg' },
    });
    expect((await call('DELETE', `${base}/env/PGDATA`, 'customerFree')).json().item).toEqual({
      success: true,
      message: "Environment variable 'PGDATA' deleted",
    });
    const gone = await call('DELETE', `${base}/env/PGDATA`, 'customerFree');
    expect(gone.statusCode).toBe(404);
    expect(gone.json().detail).toBe('Environment variable not found');

    const ports = await call('PUT', `${base}/ports`, 'customerFree', {
      ports: [{ host: 5433, container: 5432 }],
    });
    expect(ports.json().item).toMatchObject({
      success: true,
      ports: [{ host: 5433, container: 5432, protocol: 'tcp' }],
    });
    const domain = await call('PUT', `${base}/domain`, 'customerFree', {
      domain: 'db.example.com',
      ssl_enabled: true,
    });
    expect(domain.json().item).toMatchObject({ success: true, domain: 'db.example.com', ssl_enabled: true });
    const cleared = await call('PUT', `${base}/domain`, 'customerFree', { domain: null });
    expect(cleared.json().item).toMatchObject({ domain: null, ssl_enabled: false });
  });
});

describe('service secrets', () => {
  it.each(PREFIXES)(
    'PUT, GET, list and DELETE on %s; the value is sealed and never returned',
    async (prefix) => {
      const id = await newProject();
      const base = `${prefix}/${id}/apps/postgres/secrets`;
      const put = await call('PUT', `${base}/DB_ROOT_PASSWORD`, 'customerFree', { value: 'root-pw-42' });
      expect(put.statusCode, put.body).toBe(200);
      const meta = put.json().item;
      expect(meta).toEqual({
        id: expect.any(Number),
        scope: 'service',
        name: 'DB_ROOT_PASSWORD',
        secure: true,
        project_id: id,
        app_code: 'postgres',
        server_id: null,
        updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        updated_by: userId('customerFree'),
        source: 'vault',
      });
      expect(put.body).not.toContain('root-pw-42');
      const row = await t.app.db
        .selectFrom('remote_secret')
        .selectAll()
        .where('id', '=', meta.id)
        .executeTakeFirstOrThrow();
      expect(row.value_ciphertext.toString('latin1')).not.toContain('root-pw-42');
      expect(box.openString(row.value_ciphertext)).toBe('root-pw-42');

      await call('PUT', `${base}/DB_ROOT_PASSWORD`, 'customerFree', { value: 'rotated' });
      const listed = await call('GET', base, 'customerFree');
      expect(listed.json()).toMatchObject({ message: 'OK', meta: { project_id: id, app_code: 'postgres' } });
      expect(listed.json().list.map((s: { id: number }) => s.id)).toEqual([meta.id]);
      expect((await call('GET', `${base}/DB_ROOT_PASSWORD`, 'customerFree')).json().item.id).toBe(meta.id);

      const app = await call('GET', `${prefix}/${id}/apps/postgres`, 'customerFree');
      expect(app.json().item.environment.DB_ROOT_PASSWORD).toBe('[REDACTED]');

      const deleted = await call('DELETE', `${base}/DB_ROOT_PASSWORD`, 'customerFree');
      expect(deleted.json()).toEqual({
        message: 'OK',
        meta: { deleted: true, name: 'DB_ROOT_PASSWORD', scope: 'service' },
      });
      const missing = await call('GET', `${base}/DB_ROOT_PASSWORD`, 'customerFree');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().detail).toBe('Secret not found');
      expect((await call('DELETE', `${base}/DB_ROOT_PASSWORD`, 'customerFree')).statusCode).toBe(404);
    },
  );

  it('an env key that is a service secret is 409 with the contract message (POST and PUT env)', async () => {
    const id = await newProject();
    await call('PUT', `/project/${id}/apps/postgres/secrets/ADMIN_TOKEN`, 'customerFree', { value: 'x' });
    const post = await call('POST', `/project/${id}/apps`, 'customerFree', {
      code: 'postgres',
      image: 'postgres:17',
      env: ['ADMIN_TOKEN=y'],
    });
    expect(post.statusCode).toBe(409);
    expect(post.json().detail).toBe(SECRET_MESSAGE('ADMIN_TOKEN', id, 'postgres'));
    const put = await call('PUT', `/api/v1/project/${id}/apps/postgres/env`, 'customerFree', {
      variables: { ADMIN_TOKEN: 'z' },
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().message).toBe(SECRET_MESSAGE('ADMIN_TOKEN', id, 'postgres'));
    const row = await t.app.db
      .selectFrom('project_app')
      .select(['image', 'environment'])
      .where('project_id', '=', id)
      .where('code', '=', 'postgres')
      .executeTakeFirstOrThrow();
    expect(row.image).toBe('postgres:16');
    expect(row.environment).not.toHaveProperty('ADMIN_TOKEN');
  });

  it('a value shorter than one character is 400', async () => {
    const id = await newProject();
    const res = await call('PUT', `/project/${id}/apps/postgres/secrets/EMPTY`, 'customerFree', {
      value: '',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe("another user's project", () => {
  it('is 404 on every app and secret route, and nothing changes', async () => {
    const id = await newProject('customerFree');
    await call('PUT', `/project/${id}/apps/postgres/secrets/S1`, 'customerFree', { value: 'v' });
    const routes: [InjectOptions['method'], string, unknown?][] = [
      ['GET', '/apps'],
      ['POST', '/apps', { code: 'website', image: 'evil:1' }],
      ['GET', '/apps/website'],
      ['DELETE', '/apps/website'],
      ['GET', '/apps/postgres/config'],
      ['GET', '/apps/postgres/env'],
      ['PUT', '/apps/postgres/env', { variables: { A: 'b' } }],
      ['DELETE', '/apps/postgres/env/POSTGRES_DB'],
      ['PUT', '/apps/postgres/ports', { ports: [] }],
      ['PUT', '/apps/postgres/domain', { domain: 'x.example' }],
      ['GET', '/apps/postgres/secrets'],
      ['GET', '/apps/postgres/secrets/S1'],
      ['PUT', '/apps/postgres/secrets/S1', { value: 'stolen' }],
      ['DELETE', '/apps/postgres/secrets/S1'],
    ];
    for (const prefix of PREFIXES) {
      for (const [method, suffix, payload] of routes) {
        const res = await call(method as 'GET', `${prefix}/${id}${suffix}`, 'customerPro', payload);
        expect(res.statusCode, `${method} ${prefix}/${id}${suffix}`).toBe(404);
      }
    }
    const apps = await call('GET', `/project/${id}/apps`, 'customerFree');
    expect(apps.json().list.map((a: { image: string }) => a.image)).toEqual(['nginx:1.27', 'postgres:16']);
    const secret = await t.app.db
      .selectFrom('remote_secret')
      .selectAll()
      .where('project_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(box.openString(secret.value_ciphertext)).toBe('v');
  });
});
