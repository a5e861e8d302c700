import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from '../../../migrations/index.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before (and regardless of) the typed schema
type AnyKysely = Kysely<any>;

export function createMigrator(db: AnyKysely): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
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
export async function migrateToLatest(db: AnyKysely): Promise<string[]> {
  const result = unwrap(await createMigrator(db).migrateToLatest());
  return (result.results ?? []).map((r) => r.migrationName);
}

export async function migrateDown(db: AnyKysely): Promise<string[]> {
  const result = unwrap(await createMigrator(db).migrateDown());
  return (result.results ?? []).map((r) => r.migrationName);
}

export async function migrationStatus(
  db: AnyKysely,
): Promise<{ name: string; executedAt: Date | undefined }[]> {
  const list = await createMigrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt }));
}
