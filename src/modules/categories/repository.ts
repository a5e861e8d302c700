import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';

export interface CategoryRow {
  id: number;
  name: string;
  title: string | null;
  metadata: Record<string, unknown>;
  synced_at: Date | null;
}

type Db = Kysely<Database> | Transaction<Database>;

const COLUMNS = ['id', 'name', 'title', 'metadata', 'synced_at'] as const;

/** Every category, in the User Service's display order (its `priority`), then by name. */
export async function listCategories(db: Db): Promise<CategoryRow[]> {
  return db
    .selectFrom('stack_category')
    .select(COLUMNS)
    .orderBy(sql`coalesce((metadata->>'priority')::numeric, 0)`)
    .orderBy('name')
    .execute();
}

export async function findCategoryByName(db: Db, name: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('stack_category').select(COLUMNS).where('name', '=', name).executeTakeFirst();
}

export async function findCategoryById(db: Db, id: number): Promise<CategoryRow | undefined> {
  return db.selectFrom('stack_category').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/**
 * Serialises syncs across instances (every instance syncs at start): the lock is held until the
 * transaction ends, so two syncs never interleave their renames.
 */
export async function lockCategorySync(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('stacker.category_sync'))`.execute(trx);
}

export interface CategoryValues {
  name: string;
  title: string | null;
  metadata: Record<string, unknown>;
  syncedAt: Date;
}

export async function insertCategory(trx: Transaction<Database>, id: number, v: CategoryValues) {
  await trx
    .insertInto('stack_category')
    .values({
      id,
      name: v.name,
      title: v.title,
      metadata: JSON.stringify(v.metadata),
      synced_at: v.syncedAt,
      created_at: v.syncedAt,
      updated_at: v.syncedAt,
    })
    .execute();
}

/** `changed` false only refreshes `synced_at`, so `updated_at` says when the data last changed. */
export async function updateCategory(
  trx: Transaction<Database>,
  id: number,
  v: CategoryValues,
  changed: boolean,
): Promise<void> {
  await trx
    .updateTable('stack_category')
    .set(
      changed
        ? {
            name: v.name,
            title: v.title,
            metadata: JSON.stringify(v.metadata),
            synced_at: v.syncedAt,
            updated_at: v.syncedAt,
          }
        : { synced_at: v.syncedAt },
    )
    .where('id', '=', id)
    .execute();
}

/** Frees a name for another row within the sync transaction; the row gets its real name later on. */
export async function renameCategory(trx: Transaction<Database>, id: number, name: string): Promise<void> {
  await trx.updateTable('stack_category').set({ name }).where('id', '=', id).execute();
}

export async function deleteCategory(trx: Transaction<Database>, id: number): Promise<void> {
  await trx.deleteFrom('stack_category').where('id', '=', id).execute();
}
