import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { migrations } from '../../../migrations/index.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before (and regardless of) the typed schema
type AnyKysely = Kysely<any>;

/**
 * How long a migration statement waits for a table lock before it fails. Without it an ALTER queued
 * behind a long transaction makes every later query on that table queue behind the ALTER: the whole API
 * stalls. Failing fast leaves the schema as it was (one transaction) and the next start retries.
 */
export const MIGRATION_LOCK_TIMEOUT = '10s';

export function createMigrator(db: AnyKysely): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Numbers are reserved per piece of work and may land out of order: a database that already ran a
    // later one still gets an earlier one that arrives afterwards (each is independent by construction).
    allowUnorderedMigrations: true,
  });
}

/** Runs `fn` with the migrator on one connection that has the lock timeout set. */
async function withLockTimeout(
  db: AnyKysely,
  lockTimeout: string,
  fn: (migrator: Migrator) => Promise<MigrationResultSet>,
) {
  return db.connection().execute(async (connection) => {
    await sql`SELECT set_config('lock_timeout', ${lockTimeout}, false)`.execute(connection);
    try {
      return await fn(createMigrator(connection));
    } finally {
      await sql`RESET lock_timeout`.execute(connection);
    }
  });
}

function unwrap(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, {
      cause: result.error,
    });
  }
  return result;
}

/** Applies every pending migration. Kysely takes a lock, so concurrent instances apply each once. */
export async function migrateToLatest(
  db: AnyKysely,
  options: { lockTimeout?: string } = {},
): Promise<string[]> {
  const lockTimeout = options.lockTimeout ?? MIGRATION_LOCK_TIMEOUT;
  const result = unwrap(await withLockTimeout(db, lockTimeout, (migrator) => migrator.migrateToLatest()));
  return (result.results ?? []).map((r) => r.migrationName);
}

export async function migrateDown(db: AnyKysely, options: { lockTimeout?: string } = {}): Promise<string[]> {
  const lockTimeout = options.lockTimeout ?? MIGRATION_LOCK_TIMEOUT;
  const result = unwrap(await withLockTimeout(db, lockTimeout, (migrator) => migrator.migrateDown()));
  return (result.results ?? []).map((r) => r.migrationName);
}

export async function migrationStatus(
  db: AnyKysely,
): Promise<{ name: string; executedAt: Date | undefined }[]> {
  const list = await createMigrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt }));
}
