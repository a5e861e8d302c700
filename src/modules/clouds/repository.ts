import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';

// SQL of saved clouds. Credentials stay sealed here; the service opens them.

type Db = Kysely<Database> | Transaction<Database>;

export async function findCloudOfUser(db: Db, userId: string, id: number) {
  return db
    .selectFrom('cloud')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export type CloudRow = NonNullable<Awaited<ReturnType<typeof findCloudOfUser>>>;

/** Case-insensitive, like the CLI's match; the newest wins when two names differ only in case. */
export async function findCloudByName(db: Db, userId: string, name: string): Promise<CloudRow | undefined> {
  return db
    .selectFrom('cloud')
    .selectAll()
    .where('user_id', '=', userId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface NewCloud {
  userId: string;
  /** `undefined` → `"{provider}-{id}"` (clouds-servers.md). */
  name: string | undefined;
  provider: string;
  token: Buffer | null;
  key: Buffer | null;
  secret: Buffer | null;
  saveToken: boolean | null;
  now: Date;
}

export async function insertCloud(trx: Transaction<Database>, c: NewCloud): Promise<CloudRow> {
  // The default name holds the id, so the id is drawn first (the identity is BY DEFAULT).
  const { id } = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence('cloud', 'id'))::int AS id`
    .execute(trx)
    .then((r) => r.rows[0]!);
  return trx
    .insertInto('cloud')
    .values({
      id,
      user_id: c.userId,
      name: c.name ?? `${c.provider}-${id}`,
      provider: c.provider,
      cloud_token: c.token,
      cloud_key: c.key,
      cloud_secret: c.secret,
      save_token: c.saveToken,
      created_at: c.now,
      updated_at: c.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The whole list (the CLI scans it for a name; no pagination), oldest first. */
export async function listCloudsOfUser(db: Db, userId: string): Promise<CloudRow[]> {
  return db.selectFrom('cloud').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

export interface CloudReplacement {
  name: string;
  provider: string;
  token: Buffer | null;
  key: Buffer | null;
  secret: Buffer | null;
  saveToken: boolean | null;
  now: Date;
}

/** PUT replaces every column it names (an absent credential is null); `undefined` when not the caller's. */
export async function replaceCloud(
  db: Db,
  userId: string,
  id: number,
  c: CloudReplacement,
): Promise<CloudRow | undefined> {
  return db
    .updateTable('cloud')
    .set({
      name: c.name,
      provider: c.provider,
      cloud_token: c.token,
      cloud_key: c.key,
      cloud_secret: c.secret,
      save_token: c.saveToken,
      updated_at: c.now,
    })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes the caller's cloud; its servers keep their rows with `cloud_id` null (ON DELETE SET NULL). */
export async function deleteCloudOfUser(db: Db, userId: string, id: number): Promise<boolean> {
  const row = await db
    .deleteFrom('cloud')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
