import type { Kysely } from 'kysely';
import type { Database } from '../infra/db/database.js';

/**
 * Steps that bring a database fully up to date after its schema: `npm run migrate` and the embedded
 * start both run them (the access rules are added here by the identity layer).
 */
export const afterMigrateSteps: ((db: Kysely<Database>, log: (line: string) => void) => Promise<void>)[] = [];

export async function afterMigrate(db: Kysely<Database>, log: (line: string) => void): Promise<void> {
  for (const step of afterMigrateSteps) await step(db, log);
}
