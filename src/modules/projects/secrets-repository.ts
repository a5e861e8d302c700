import type { Kysely, Transaction } from 'kysely';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { DEFAULT_NPM_CREDENTIALS, NPM_CREDENTIALS } from '../servers/index.js';

// SQL of service secrets (remote_secret, scope 'service'). The sealed value is never selected by the reads.

type Db = Kysely<Database> | Transaction<Database>;

const META_COLUMNS = [
  'id',
  'scope',
  'name',
  'project_id',
  'app_code',
  'server_id',
  'updated_at',
  'updated_by',
] as const;

export interface ServiceScope {
  userId: string;
  projectId: number;
  appCode: string;
}

export async function listServiceSecrets(db: Db, s: ServiceScope) {
  return db
    .selectFrom('remote_secret')
    .select(META_COLUMNS)
    .where('scope', '=', 'service')
    .where('user_id', '=', s.userId)
    .where('project_id', '=', s.projectId)
    .where('app_code', '=', s.appCode)
    .orderBy('name')
    .execute();
}

export type SecretMetaRow = Awaited<ReturnType<typeof listServiceSecrets>>[number];

export async function findServiceSecret(
  db: Db,
  s: ServiceScope,
  name: string,
): Promise<SecretMetaRow | undefined> {
  return db
    .selectFrom('remote_secret')
    .select(META_COLUMNS)
    .where('scope', '=', 'service')
    .where('user_id', '=', s.userId)
    .where('project_id', '=', s.projectId)
    .where('app_code', '=', s.appCode)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** One statement: a second PUT of the same name replaces the value (unique (project, app, name)). */
export async function upsertServiceSecret(
  db: Db,
  s: ServiceScope,
  secret: { name: string; sealed: Buffer; vaultPath: string; now: Date },
): Promise<SecretMetaRow> {
  return db
    .insertInto('remote_secret')
    .values({
      user_id: s.userId,
      scope: 'service',
      project_id: s.projectId,
      app_code: s.appCode,
      name: secret.name,
      value_ciphertext: secret.sealed,
      vault_path: secret.vaultPath,
      updated_by: s.userId,
      last_sync_status: 'synced',
      created_at: secret.now,
      updated_at: secret.now,
    })
    .onConflict((oc) =>
      oc.columns(['project_id', 'app_code', 'name']).doUpdateSet({
        value_ciphertext: secret.sealed,
        vault_path: secret.vaultPath,
        updated_by: s.userId,
        last_sync_status: 'synced',
        updated_at: secret.now,
      }),
    )
    .returning(META_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function deleteSecretById(db: Db, id: number): Promise<void> {
  await db.deleteFrom('remote_secret').where('id', '=', id).execute();
}

/** The service secrets' names of every app of a project, by app code (to redact a whole list at once). */
export async function serviceSecretNamesOfProject(
  db: Db,
  userId: string,
  projectId: number,
): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('remote_secret')
    .select(['app_code', 'name'])
    .where('scope', '=', 'service')
    .where('user_id', '=', userId)
    .where('project_id', '=', projectId)
    .orderBy('name')
    .execute();
  const byApp = new Map<string, string[]>();
  for (const row of rows) {
    if (row.app_code === null) continue;
    byApp.set(row.app_code, [...(byApp.get(row.app_code) ?? []), row.name]);
  }
  return byApp;
}

/**
 * A deploy with the managed proxy seeds the server's `npm_credentials` with the proxy's defaults
 * (clouds-servers.md) unless the server already has them. One statement; an existing value is kept.
 */
export async function seedServerSecretIfMissing(
  trx: Transaction<Database>,
  box: SecretBox,
  s: { userId: string; serverId: number; now: Date },
): Promise<void> {
  await trx
    .insertInto('remote_secret')
    .values({
      user_id: s.userId,
      scope: 'server',
      server_id: s.serverId,
      name: NPM_CREDENTIALS,
      value_ciphertext: box.seal(JSON.stringify(DEFAULT_NPM_CREDENTIALS)),
      vault_path: `stacker/users/${s.userId}/servers/${s.serverId}/secrets/${NPM_CREDENTIALS}`,
      updated_by: s.userId,
      last_sync_status: 'synced',
      created_at: s.now,
      updated_at: s.now,
    })
    .onConflict((oc) => oc.columns(['server_id', 'name']).doNothing())
    .execute();
}
