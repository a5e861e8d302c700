import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, type DevUser, userId } from '../../helpers/auth.js';
import {
  draftTemplate,
  listedTemplate,
  type TestTemplate,
  UNLIMITED_DEPLOYS_ENV,
} from '../../helpers/templates.js';

// Deployment records over HTTP: validation, the CLI's form, idempotency, own-only reads and DELETE.

let t: TestApp;
let free: TestTemplate;

beforeAll(async () => {
  t = await buildTestApp({ env: UNLIMITED_DEPLOYS_ENV });
  free = await listedTemplate(t);
});
afterAll(async () => {
  await t?.close();
});

function deploy(user: DevUser, payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: { ...bearer(user), ...headers },
    payload: payload as object,
  });
}

async function deployOk(
  user: DevUser = 'customerFree',
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await deploy(user, { template: free.slug, name: 'stack', ...extra });
  expect(res.statusCode).toBe(201);
  return res.json().item.deployment.deployment_hash;
}

const SECRET = 'aws-secret-value-7f3e9a';
const creds = {
  cloud: { provider: 'aws', key: 'AKIAEXAMPLE', secret: SECRET },
  server: { region: 'eu-west-1', size: 'small' },
  environment: { ADMIN_PASSWORD: SECRET, PORT: 8080 },
};

describe('POST /api/v1/deployments: validation', () => {
  it('answers 404 for an unknown template, by slug and by uuid', async () => {
    expect((await deploy('customerFree', { template: 'no-such-stack', name: 'x' })).statusCode).toBe(404);
    const res = await deploy('customerFree', { template: '00000000-0000-4000-8000-000000000000', name: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });

  it('answers 404 for an unapproved template that is not the caller’s, and lets its creator deploy it', async () => {
    const draft = await draftTemplate(t);
    expect((await deploy('customerPro', { template: draft.id, name: 'x' })).statusCode).toBe(404);
    expect((await deploy('admin', { template: draft.slug, name: 'x' })).statusCode).toBe(404);
    const own = await deploy('vendor', { template: draft.slug, name: 'try my draft' });
    expect(own.statusCode).toBe(201);
  });

  it('answers 400 naming the field when the name is missing or blank', async () => {
    for (const payload of [{ template: free.slug }, { template: free.slug, name: '   ' }]) {
      const res = await deploy('customerFree', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('body.name');
    }
  });

  it('refuses an oversized environment: 400 past 64 KiB of values, 413 past the 1 MiB body limit', async () => {
    const big = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`VAR_${i}`, 'x'.repeat(1000)]));
    const res = await deploy('customerFree', { template: free.slug, name: 'x', environment: big });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.environment');
    const huge = { V: 'x'.repeat(1024 * 1024) };
    expect(
      (await deploy('customerFree', { template: free.slug, name: 'x', environment: huge })).statusCode,
    ).toBe(413);
    const tooMany = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`K${i}`, '1']));
    expect(
      (await deploy('customerFree', { template: free.slug, name: 'x', environment: tooMany })).statusCode,
    ).toBe(400);
  });

  it('refuses environment values that are not scalars and cloud/server that are not objects', async () => {
    const nested = await deploy('customerFree', {
      template: free.slug,
      name: 'x',
      environment: { A: { b: 1 } },
    });
    expect(nested.statusCode).toBe(400);
    const cloud = await deploy('customerFree', { template: free.slug, name: 'x', cloud: 'aws' });
    expect(cloud.statusCode).toBe(400);
  });

  it('accepts null for the optional objects (the CLI sends null)', async () => {
    const res = await deploy('customerFree', {
      template: free.slug,
      name: 'x',
      cloud: null,
      server: null,
      environment: null,
    });
    expect(res.statusCode).toBe(201);
  });

  it('answers 401 without a token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      payload: { template: free.slug, name: 'x' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /api/v1/deployments: what is written', () => {
  it('writes the project snapshot, the deployment, sealed secrets and one install.start event; bumps deploy_count', async () => {
    const before = await t.app.db
      .selectFrom('stack_template')
      .select('deploy_count')
      .where('id', '=', free.id)
      .executeTakeFirstOrThrow();
    const res = await deploy('customerFree', { template: free.id, name: 'with creds', ...creds });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain(SECRET);
    const { project, deployment } = res.json().item;
    expect(deployment).toMatchObject({
      status: 'pending',
      project_id: project.id,
      name: 'with creds',
      template_id: free.id,
    });
    expect(project).toMatchObject({ template_version: '1.0.0', metadata: { template_slug: free.slug } });

    const row = await t.app.db
      .selectFrom('deployment')
      .selectAll()
      .where('deployment_hash', '=', deployment.deployment_hash)
      .executeTakeFirstOrThrow();
    expect(row.secrets).not.toBeNull();
    expect(row.secrets!.toString('latin1')).not.toContain(SECRET);
    expect(t.app.secretBox.openJson(row.secrets!)).toEqual(creds);
    const stored = await t.app.db
      .selectFrom('project')
      .select('stack_definition')
      .where('id', '=', project.id)
      .executeTakeFirstOrThrow();
    expect(typeof stored.stack_definition).toBe('string');

    const events = await t.app.db
      .selectFrom('outbox')
      .selectAll()
      .where('ordering_key', '=', deployment.deployment_hash)
      .execute();
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.topic).toBe('install.start');
    expect(JSON.stringify(event.payload)).not.toContain(SECRET);
    expect(event.payload).toMatchObject({
      id: deployment.id,
      project_id: project.id,
      deployment_hash: deployment.deployment_hash,
      user_id: userId('customerFree'),
      user_token: userId('customerFree'),
      user_email: 'free@stacker.dev',
      template: { id: free.id, slug: free.slug, version: '1.0.0' },
      stack: { name: 'with creds', definition_format: 'yaml' },
    });
    expect(t.app.secretBox.openJson(event.secret_payload!)).toEqual(creds);

    const after = await t.app.db
      .selectFrom('stack_template')
      .select('deploy_count')
      .where('id', '=', free.id)
      .executeTakeFirstOrThrow();
    expect(after.deploy_count).toBe(before.deploy_count + 1);
  });

  it('GET never returns the credentials', async () => {
    const hash = await deployOk('customerFree', creds);
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/v1/deployments/${hash}`,
      headers: bearer('customerFree'),
    });
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toContain(SECRET);
    expect(one.json().item).not.toHaveProperty('secrets');
  });
});

describe('POST /api/templates/:slug/install (the CLI)', () => {
  it('deploys with the CLI body and replies {project, template, latest_version, deployment_id}', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/templates/${free.slug}/install`,
      headers: bearer('customerPro'),
      payload: { name: null, deploy: { cloud: creds.cloud, server: null }, install_inputs: { PORT: '8080' } },
    });
    expect(res.statusCode).toBe(201);
    const item = res.json().item;
    expect(item.project.name).toBe(free.name);
    expect(item.template).toMatchObject({ id: free.id, slug: free.slug, status: 'approved' });
    expect(item.latest_version).toMatchObject({ version: '1.0.0', review_status: 'approved' });
    expect(Number.isInteger(item.deployment_id)).toBe(true);
    const row = await t.app.db
      .selectFrom('deployment')
      .select('secrets')
      .where('id', '=', item.deployment_id)
      .executeTakeFirstOrThrow();
    expect(t.app.secretBox.openJson(row.secrets!)).toEqual({
      cloud: creds.cloud,
      environment: { PORT: '8080' },
    });
  });

  it('answers 404 for an unknown slug', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/templates/nope-nope/install',
      headers: bearer('customerPro'),
      payload: {},
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('returns the first reply to a retry and creates one deployment', async () => {
    const key = `key-${Math.random()}`;
    const payload = { template: free.slug, name: 'once' };
    const first = await deploy('customerPro', payload, { 'idempotency-key': key });
    const second = await deploy('customerPro', payload, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    const rows = await t.app.db
      .selectFrom('project')
      .select('id')
      .where('name', '=', 'once')
      .where('user_id', '=', userId('customerPro'))
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('serialises two concurrent requests with one key into one deployment', async () => {
    const key = `key-${Math.random()}`;
    const payload = { template: free.slug, name: 'concurrent' };
    const replies = await Promise.all(
      [1, 2, 3].map(() => deploy('customerPro', payload, { 'idempotency-key': key })),
    );
    expect(replies.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const hashes = new Set(replies.map((r) => r.json().item.deployment.deployment_hash));
    expect(hashes.size).toBe(1);
    const events = await t.app.db
      .selectFrom('outbox')
      .select('id')
      .where('ordering_key', '=', [...hashes][0]!)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('keys are per user, and a key reused on the other deploy route is 409', async () => {
    const key = `key-${Math.random()}`;
    const a = await deploy('customerPro', { template: free.slug, name: 'a' }, { 'idempotency-key': key });
    const b = await deploy('customerFree', { template: free.slug, name: 'b' }, { 'idempotency-key': key });
    expect(a.json().item.deployment.deployment_hash).not.toBe(b.json().item.deployment.deployment_hash);
    const cli = await t.app.inject({
      method: 'POST',
      url: `/api/templates/${free.slug}/install`,
      headers: { ...bearer('customerPro'), 'idempotency-key': key },
      payload: {},
    });
    expect(cli.statusCode).toBe(409);
    expect(cli.json().code).toBe('idempotency_key_reused');
  });

  it('does not remember a refusal: a retry after the purchase deploys', async () => {
    const paid = await listedTemplate(t, { price: 5 });
    const key = `key-${Math.random()}`;
    expect(
      (await deploy('customerFree', { template: paid.slug, name: 'p' }, { 'idempotency-key': key }))
        .statusCode,
    ).toBe(402);
    t.userService.state.purchase(userId('customerFree'), paid.id);
    expect(
      (await deploy('customerFree', { template: paid.slug, name: 'p' }, { 'idempotency-key': key }))
        .statusCode,
    ).toBe(201);
  });

  it('answers 400 for a malformed key', async () => {
    const res = await deploy(
      'customerPro',
      { template: free.slug, name: 'x' },
      { 'idempotency-key': 'x'.repeat(300) },
    );
    expect(res.statusCode).toBe(400);
  });
});

describe('reads: own only', () => {
  it('lists only the caller’s deployments, newest first, with a cursor', async () => {
    const mine = [await deployOk('vendor'), await deployOk('vendor'), await deployOk('vendor')];
    await deployOk('customerFree');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/deployments?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: bearer('vendor'),
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      for (const d of body.list) {
        expect(d.user_id).toBe(userId('vendor'));
        seen.push(d.deployment_hash);
      }
      cursor = body.meta.next_cursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 3)).toEqual([...mine].reverse());
  });

  it('answers 404 for someone else’s deployment and for an unknown or malformed hash; admins may read any', async () => {
    const hash = await deployOk('customerFree');
    const get = (user: DevUser, h: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/deployments/${h}`, headers: bearer(user) });
    expect((await get('customerFree', hash)).json().item).toMatchObject({
      deployment_hash: hash,
      status: 'pending',
    });
    const other = await get('customerPro', hash);
    const unknown = await get('customerPro', 'deployment_00000000-0000-4000-8000-000000000000');
    expect(other.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(other.json()).toEqual({ ...unknown.json() });
    expect((await get('customerPro', 'bad hash!')).statusCode).toBe(404);
    expect((await get('admin', hash)).statusCode).toBe(200);
  });

  it('answers 400 for a cursor it did not give out', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/deployments?cursor=garbage',
      headers: bearer('vendor'),
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('DELETE /api/v1/deployments/:hash', () => {
  const del = (user: DevUser, hash: string) =>
    t.app.inject({ method: 'DELETE', url: `/api/v1/deployments/${hash}`, headers: bearer(user) });

  it('marks it deleted (final), queues install.delete once, and reads as deleted afterwards', async () => {
    const hash = await deployOk('customerFree');
    const res = await del('customerFree', hash);
    expect(res.statusCode).toBe(200);
    expect(res.json().item.status).toBe('deleted');
    expect((await del('customerFree', hash)).statusCode).toBe(200);
    const events = await t.app.db
      .selectFrom('outbox')
      .select(['topic', 'payload'])
      .where('ordering_key', '=', hash)
      .orderBy('created_at')
      .execute();
    expect(events.map((e) => e.topic)).toEqual(['install.start', 'install.delete']);
    expect(events[1]!.payload).toEqual({
      deployment_hash: hash,
      project_id: expect.any(Number),
      user_id: userId('customerFree'),
    });
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/deployments/${hash}`,
      headers: bearer('customerFree'),
    });
    expect(read.json().item.status).toBe('deleted');
  });

  it('answers 404 to someone else and changes nothing; an admin may delete it', async () => {
    const hash = await deployOk('customerPro');
    expect((await del('customerFree', hash)).statusCode).toBe(404);
    const row = await t.app.db
      .selectFrom('deployment')
      .select('status')
      .where('deployment_hash', '=', hash)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect((await del('admin', hash)).json().item.status).toBe('deleted');
  });

  it('revokes the deployment’s agent and cancels its queued commands', async () => {
    const hash = await deployOk('customerPro');
    const register = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agent/register',
      headers: bearer('customerPro'),
      payload: { deployment_hash: hash, capabilities: ['docker'], system_info: {}, agent_version: '0.2.0' },
    });
    expect(register.statusCode).toBe(201);
    const enqueue = await t.app.inject({
      method: 'POST',
      url: '/api/v1/commands',
      headers: bearer('customerPro'),
      payload: { deployment_hash: hash, command_type: 'list_containers', parameters: {} },
    });
    expect(enqueue.statusCode).toBe(201);
    expect((await del('customerPro', hash)).statusCode).toBe(200);
    const agent = await t.app.db
      .selectFrom('agent')
      .select('revoked_at')
      .where('deployment_hash', '=', hash)
      .executeTakeFirstOrThrow();
    expect(agent.revoked_at).not.toBeNull();
    const commands = await t.app.db
      .selectFrom('command')
      .select(['status'])
      .where('deployment_hash', '=', hash)
      .execute();
    expect(commands.map((c) => c.status)).toEqual(['cancelled']);
  });
});
