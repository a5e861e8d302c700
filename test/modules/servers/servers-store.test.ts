import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../../../src/infra/crypto/secret-box.js';
import { findUserCloud, findUserCloudByName, saveCloud } from '../../../src/modules/clouds/index.js';
import {
  createServer,
  ensureServerKey,
  findUserServer,
  listProjectServers,
  reuseServer,
} from '../../../src/modules/servers/index.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

let database: TestDatabase;
const box = new SecretBox(randomBytes(32));
const now = new Date();

beforeAll(async () => {
  database = await createTestDatabase(4);
});
afterAll(() => database.drop());

async function project(userId: string): Promise<number> {
  const row = await database.db
    .insertInto('project')
    .values({ user_id: userId, name: `p-${randomBytes(3).toString('hex')}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('saved clouds', () => {
  it('seals every credential, names an unnamed cloud after its id and finds it case-insensitively', async () => {
    const cloud = await database.db.transaction().execute((trx) =>
      saveCloud(trx, box, {
        userId: 'u1',
        name: undefined,
        provider: 'htz',
        credentials: { token: 'tok-secret-123', key: null, secret: null },
        saveToken: true,
        now,
      }),
    );
    expect(cloud.name).toBe(`htz-${cloud.id}`);
    expect(cloud.credentials.token).toBe('tok-secret-123');
    const stored = await database.db
      .selectFrom('cloud')
      .select('cloud_token')
      .where('id', '=', cloud.id)
      .executeTakeFirstOrThrow();
    expect(stored.cloud_token!.toString('latin1')).not.toContain('tok-secret-123');

    expect((await findUserCloudByName(database.db, box, 'u1', cloud.name.toUpperCase()))?.id).toBe(cloud.id);
    expect(await findUserCloudByName(database.db, box, 'u2', cloud.name)).toBeUndefined();
    expect((await findUserCloud(database.db, box, 'u1', cloud.id))?.undecryptable).toBe(false);
    expect(await findUserCloud(database.db, box, 'u2', cloud.id)).toBeUndefined();
  });

  it('says so when a stored credential no longer opens', async () => {
    const cloud = await database.db.transaction().execute((trx) =>
      saveCloud(trx, new SecretBox(randomBytes(32)), {
        userId: 'u3',
        name: 'Mine',
        provider: 'do',
        credentials: { token: 't', key: null, secret: null },
        saveToken: true,
        now,
      }),
    );
    const opened = await findUserCloud(database.db, box, 'u3', cloud.id);
    expect(opened).toMatchObject({ undecryptable: true, credentials: { token: null } });
  });
});

describe('servers', () => {
  it('are created, reused (present fields only) and moved to the deploying project', async () => {
    const p1 = await project('u1');
    const p2 = await project('u1');
    const created = await database.db.transaction().execute((trx) =>
      createServer(trx, {
        userId: 'u1',
        projectId: p1,
        fields: {
          region: 'nbg1',
          server: 'cpx11',
          os: 'docker-ce',
          sshPort: 22,
          name: 'box',
          srvIp: '10.0.0.5',
        },
        now,
      }),
    );
    expect(created).toMatchObject({
      connection_mode: 'ssh',
      key_status: 'none',
      project_id: p1,
      ssh_port: 22,
    });
    const reused = await database.db
      .transaction()
      .execute((trx) =>
        reuseServer(trx, created.id, { projectId: p2, fields: { region: 'fsn1', sshPort: 2222 }, now }),
      );
    expect(reused).toMatchObject({
      region: 'fsn1',
      ssh_port: 2222,
      name: 'box',
      srv_ip: '10.0.0.5',
      project_id: p2,
    });
    expect((await listProjectServers(database.db, p2)).map((s) => s.id)).toEqual([created.id]);
    expect(await listProjectServers(database.db, p1)).toEqual([]);
    expect(await findUserServer(database.db, 'u2', created.id)).toBeUndefined();
  });

  it('get one sealed Ed25519 key pair, generated once and read back after', async () => {
    const p = await project('u5');
    const server = await database.db
      .transaction()
      .execute((trx) => createServer(trx, { userId: 'u5', projectId: p, fields: {}, now }));
    const first = await database.db.transaction().execute((trx) => ensureServerKey(trx, box, server, now));
    expect(first.server).toMatchObject({
      key_status: 'active',
      vault_key_path: `stacker/users/u5/ssh_keys/${server.id}`,
    });
    expect(first.privateKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n$/);
    const again = await database.db
      .transaction()
      .execute((trx) => ensureServerKey(trx, box, first.server, now));
    expect(again.publicKey).toBe(first.publicKey);
    expect(again.privateKey).toBe(first.privateKey);
    const { rows } = await sql<{ leaked: boolean }>`
      SELECT position(${'OPENSSH'}::bytea in private_key_ciphertext) > 0 AS leaked FROM server WHERE id = ${server.id}`.execute(
      database.db,
    );
    expect(rows[0]?.leaked).toBe(false);
  });

  it('go with their project', async () => {
    const p = await project('u6');
    const server = await database.db
      .transaction()
      .execute((trx) => createServer(trx, { userId: 'u6', projectId: p, fields: {}, now }));
    await database.db.deleteFrom('project').where('id', '=', p).execute();
    expect(await findUserServer(database.db, 'u6', server.id)).toBeUndefined();
  });
});
