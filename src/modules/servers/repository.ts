import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import type { Server } from '../../infra/db/schema.js';

type ConnectionMode = Selectable<Server>['connection_mode'];

// SQL of servers. The private key stays sealed here; it is never selected by the reads below.

type Db = Kysely<Database> | Transaction<Database>;

const SERVER_COLUMNS = [
  'id',
  'user_id',
  'project_id',
  'cloud_id',
  'region',
  'zone',
  'server',
  'os',
  'disk_type',
  'srv_ip',
  'ssh_port',
  'ssh_user',
  'name',
  'connection_mode',
  'key_status',
  'vault_key_path',
  'public_key',
  'created_at',
  'updated_at',
] as const;

export async function findServerOfUser(db: Db, userId: string, id: number) {
  return db
    .selectFrom('server')
    .select(SERVER_COLUMNS)
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export type ServerRow = NonNullable<Awaited<ReturnType<typeof findServerOfUser>>>;

export async function listServersOfProject(db: Db, projectId: number): Promise<ServerRow[]> {
  return db
    .selectFrom('server')
    .select(SERVER_COLUMNS)
    .where('project_id', '=', projectId)
    .orderBy('id')
    .execute();
}

/** The deploy form's server fields; `undefined` = absent (kept on update), `null` only for `ssh_port`. */
export interface ServerFields {
  cloudId?: number | null;
  region?: string;
  zone?: string;
  server?: string;
  os?: string;
  diskType?: string;
  srvIp?: string;
  sshPort?: number;
  sshUser?: string;
  name?: string;
  connectionMode?: ConnectionMode;
}

function columns(f: ServerFields) {
  const set: Record<string, unknown> = {};
  if (f.cloudId !== undefined) set.cloud_id = f.cloudId;
  if (f.region !== undefined) set.region = f.region;
  if (f.zone !== undefined) set.zone = f.zone;
  if (f.server !== undefined) set.server = f.server;
  if (f.os !== undefined) set.os = f.os;
  if (f.diskType !== undefined) set.disk_type = f.diskType;
  if (f.srvIp !== undefined) set.srv_ip = f.srvIp;
  if (f.sshPort !== undefined) set.ssh_port = f.sshPort;
  if (f.sshUser !== undefined) set.ssh_user = f.sshUser;
  if (f.name !== undefined) set.name = f.name;
  if (f.connectionMode !== undefined) set.connection_mode = f.connectionMode;
  return set;
}

export async function insertServer(
  trx: Transaction<Database>,
  s: { userId: string; projectId: number; fields: ServerFields; now: Date },
): Promise<ServerRow> {
  return trx
    .insertInto('server')
    .values({
      ...columns(s.fields),
      user_id: s.userId,
      project_id: s.projectId,
      created_at: s.now,
      updated_at: s.now,
    })
    .returning(SERVER_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Writes the present fields and moves the server to `projectId`. */
export async function updateServer(
  trx: Transaction<Database>,
  id: number,
  s: { projectId?: number; fields: ServerFields; now: Date },
): Promise<ServerRow> {
  return trx
    .updateTable('server')
    .set({
      ...columns(s.fields),
      ...(s.projectId !== undefined ? { project_id: s.projectId } : {}),
      updated_at: s.now,
    })
    .where('id', '=', id)
    .returning(SERVER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function storeServerKey(
  trx: Transaction<Database>,
  id: number,
  key: { publicKey: string; privateKeyCiphertext: Buffer; vaultKeyPath: string; now: Date },
): Promise<ServerRow> {
  return trx
    .updateTable('server')
    .set({
      public_key: key.publicKey,
      private_key_ciphertext: key.privateKeyCiphertext,
      vault_key_path: key.vaultKeyPath,
      key_status: 'active',
      updated_at: key.now,
    })
    .where('id', '=', id)
    .returning(SERVER_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** The sealed private key, for the few places that must use it (deploy, SSH login). */
export async function findServerPrivateKey(db: Db, id: number): Promise<Buffer | null | undefined> {
  const row = await db
    .selectFrom('server')
    .select('private_key_ciphertext')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.private_key_ciphertext;
}
