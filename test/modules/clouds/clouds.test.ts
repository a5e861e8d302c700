import type { InjectOptions } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, type DevUser, userId } from '../../helpers/auth.js';
import { cliApiResponse, cliCloudInfo, parseAsCli } from '../../helpers/cli-shapes.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

// Every reply body of this file, so the last test can prove no credential ever left in one.
const replies: string[] = [];
const TOKEN = 'hcloud-token-9f3b1c7d2e';
const KEY = 'AKIAEXAMPLEKEY12345';
const SECRET = 'wJalrXUtnFEMI-secret-777';

const call = async (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  user: DevUser,
  payload?: unknown,
) => {
  const options: InjectOptions = { method, url, headers: bearer(user) };
  if (payload !== undefined) options.payload = payload as InjectOptions['payload'];
  const res = await t.app.inject(options);
  replies.push(res.body);
  return res;
};

const cloudReply = cliApiResponse(cliCloudInfo);

async function create(user: DevUser, body: Record<string, unknown>) {
  const res = await call('POST', '/cloud', user, body);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().message).toBe('success');
  return parseAsCli(cloudReply, res.json()).item!;
}

const storedCloud = (id: number) =>
  t.app.db.selectFrom('cloud').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('POST /cloud', () => {
  it('seals every credential and answers them masked, naming an unnamed cloud {provider}-{id}', async () => {
    const cloud = await create('customerFree', {
      provider: 'htz',
      cloud_token: TOKEN,
      save_token: true,
      user_id: 'someone-else',
      project_id: 99,
    });
    expect(cloud).toMatchObject({
      name: `htz-${cloud.id}`,
      provider: 'htz',
      user_id: userId('customerFree'),
      cloud_token: 'hcloud****',
      cloud_key: null,
      cloud_secret: null,
      save_token: true,
    });
    const row = await storedCloud(cloud.id);
    expect(row.cloud_token!.toString('latin1')).not.toContain('hcloud');
    expect(t.app.secretBox.openString(row.cloud_token!)).toBe(TOKEN);
  });

  it('encrypts credentials sent with save_token false too (Stacker always encrypts)', async () => {
    const cloud = await create('customerFree', {
      provider: 'aws',
      name: 'aws-main',
      cloud_key: KEY,
      cloud_secret: SECRET,
      save_token: false,
    });
    expect(cloud).toMatchObject({ cloud_key: 'AKIAEX****', cloud_secret: 'wJalrX****', save_token: false });
    const row = await storedCloud(cloud.id);
    expect(row.cloud_secret!.toString('latin1')).not.toContain('wJalr');
    expect(t.app.secretBox.openString(row.cloud_secret!)).toBe(SECRET);
  });

  it('is 409 cloud_name_taken for a name the caller already uses, and writes nothing', async () => {
    await create('customerFree', { provider: 'do', name: 'taken-name', cloud_token: TOKEN });
    const count = async () => (await t.app.db.selectFrom('cloud').select('id').execute()).length;
    const before = await count();
    const res = await call('POST', '/cloud', 'customerFree', { provider: 'do', name: 'taken-name' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'cloud_name_taken', name: 'taken-name' });
    expect(await count()).toBe(before);
    // Names are unique per user: another user may use it.
    await create('customerPro', { provider: 'do', name: 'taken-name' });
  });

  it('refuses save_token without a token or a key and its secret (400, the contract text)', async () => {
    for (const body of [
      { provider: 'htz', save_token: true },
      { provider: 'aws', save_token: true, cloud_key: KEY },
    ]) {
      const res = await call('POST', '/cloud', 'customerFree', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toBe('Failed to encrypt cloud credentials. Please contact support.');
    }
  });

  it('validates the CloudForm: provider 2..50 characters', async () => {
    for (const provider of ['h', 'x'.repeat(51)]) {
      const res = await call('POST', '/cloud', 'customerFree', { provider });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await call('POST', '/cloud', 'customerFree', {})).statusCode).toBe(400);
  });
});

describe('stacker list clouds / GET /cloud/{id}', () => {
  it("lists only the caller's clouds, whole and masked, as CloudInfo", async () => {
    const mine = await create('vendor', { provider: 'hetzner', name: 'Hetzner-Main', cloud_token: TOKEN });
    await create('customerPro', { provider: 'hetzner', name: 'not-yours', cloud_token: TOKEN });
    const res = await call('GET', '/cloud', 'vendor');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json())).toEqual(['message', 'list']);
    const clouds = parseAsCli(cloudReply, res.json()).list!;
    expect(clouds.every((c) => c.user_id === userId('vendor'))).toBe(true);
    // The CLI finds a cloud by provider or name, case-insensitively.
    const found = clouds.find((c) => c.name.toLowerCase() === 'hetzner-main');
    expect(found).toEqual({ ...mine, cloud_token: 'hcloud****' });
  });

  it('answers one cloud, and 404 "record not found" for another user\'s or a non-integer id', async () => {
    const cloud = await create('vendor', { provider: 'htz', name: 'one', cloud_token: TOKEN });
    const res = await call('GET', `/cloud/${cloud.id}`, 'vendor');
    expect(res.statusCode).toBe(200);
    expect(parseAsCli(cloudReply, res.json()).item).toEqual(cloud);
    for (const [url, user] of [
      [`/cloud/${cloud.id}`, 'customerPro'],
      ['/cloud/abc', 'vendor'],
      ['/cloud/99999999999', 'vendor'],
      ['/cloud/999999', 'vendor'],
    ] as const) {
      const miss = await call('GET', url, user);
      expect(miss.statusCode, url).toBe(404);
      expect(miss.json()).toMatchObject({ code: 'cloud_not_found', detail: 'record not found' });
    }
  });

  it('shows a credential that no longer decrypts as ****, without failing the list', async () => {
    const cloud = await create('customerPro', { provider: 'htz', name: 'damaged', cloud_token: TOKEN });
    await t.app.db
      .updateTable('cloud')
      .set({ cloud_token: Buffer.from('not a ciphertext at all') })
      .where('id', '=', cloud.id)
      .execute();
    const res = await call('GET', '/cloud', 'customerPro');
    const damaged = parseAsCli(cloudReply, res.json()).list!.find((c) => c.id === cloud.id);
    expect(damaged?.cloud_token).toBe('****');
  });
});

describe('PUT /cloud/{id}', () => {
  it("replays the CLI's save_cloud: same provider found, PUT with only the credentials it has clears the rest", async () => {
    await create('customerFree', {
      provider: 'aws',
      name: 'aws-replace',
      cloud_key: KEY,
      cloud_secret: SECRET,
      save_token: true,
    });
    const listed = parseAsCli(cloudReply, (await call('GET', '/cloud', 'customerFree')).json()).list!;
    const existing = listed.find((c) => c.name === 'aws-replace' && c.provider.toLowerCase() === 'aws')!;
    const res = await call('PUT', `/cloud/${existing.id}`, 'customerFree', {
      provider: 'aws',
      name: 'aws-replace',
      save_token: true,
      cloud_token: TOKEN,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().message).toBe('success');
    const updated = parseAsCli(cloudReply, res.json()).item!;
    expect(updated).toMatchObject({
      id: existing.id,
      name: 'aws-replace',
      cloud_token: 'hcloud****',
      cloud_key: null,
      cloud_secret: null,
      created_at: existing.created_at,
    });
    const row = await storedCloud(existing.id);
    expect([row.cloud_key, row.cloud_secret]).toEqual([null, null]);
    expect(t.app.secretBox.openString(row.cloud_token!)).toBe(TOKEN);
  });

  it('replaces an absent name with "" and an absent save_token with null', async () => {
    const cloud = await create('customerFree', { provider: 'linode', name: 'to-blank', cloud_token: TOKEN });
    const res = await call('PUT', `/cloud/${cloud.id}`, 'customerFree', { provider: 'linode' });
    expect(res.statusCode).toBe(200);
    expect(parseAsCli(cloudReply, res.json()).item).toMatchObject({
      name: '',
      cloud_token: null,
      save_token: null,
    });
  });

  it('is 409 for a name the caller already uses, and 404 "Cloud not found" for another user\'s cloud', async () => {
    const a = await create('customerPro', { provider: 'htz', name: 'put-a' });
    await create('customerPro', { provider: 'htz', name: 'put-b' });
    const taken = await call('PUT', `/cloud/${a.id}`, 'customerPro', { provider: 'htz', name: 'put-b' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('cloud_name_taken');
    for (const url of [`/cloud/${a.id}`, '/cloud/nope']) {
      const res = await call('PUT', url, 'vendor', { provider: 'htz', name: 'stolen' });
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe('Cloud not found');
    }
    expect((await storedCloud(a.id)).name).toBe('put-a');
  });
});

describe('DELETE /cloud/{id}', () => {
  it("deletes the caller's cloud; its servers stay, with cloud_id null", async () => {
    const cloud = await create('customerFree', { provider: 'htz', name: 'to-delete', cloud_token: TOKEN });
    const project = await t.app.db
      .insertInto('project')
      .values({ user_id: userId('customerFree'), name: 'cloud-delete-project' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const server = await t.app.db
      .insertInto('server')
      .values({
        user_id: userId('customerFree'),
        project_id: project.id,
        cloud_id: cloud.id,
        srv_ip: '10.0.0.5',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const other = await call('DELETE', `/cloud/${cloud.id}`, 'vendor');
    expect(other.statusCode).toBe(404);
    const res = await call('DELETE', `/cloud/${cloud.id}`, 'customerFree');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ message: 'Deleted' });
    expect((await call('GET', `/cloud/${cloud.id}`, 'customerFree')).statusCode).toBe(404);
    expect((await call('DELETE', `/cloud/${cloud.id}`, 'customerFree')).statusCode).toBe(404);
    const kept = await t.app.db
      .selectFrom('server')
      .select(['id', 'cloud_id', 'srv_ip'])
      .where('id', '=', server.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ id: server.id, cloud_id: null, srv_ip: '10.0.0.5' });
  });
});

describe('secrets never leave', () => {
  it('no reply of this file holds a credential beyond its first 6 characters', () => {
    expect(replies.length).toBeGreaterThan(20);
    for (const body of replies)
      for (const secret of [TOKEN, KEY, SECRET]) {
        expect(body).not.toContain(secret);
        expect(body).not.toContain(secret.slice(6));
      }
  });
});
