import { type Kysely, sql } from 'kysely';
import type { Database } from '../../infra/db/database.js';

/* SQL for "does an agent hold a lease": the liveness rule of agent-protocol.md needs it. */

/** The deployments among `hashes` with a `sent` command whose lease has not run out at `now`. */
export async function deploymentsWithLiveLease(
  db: Kysely<Database>,
  hashes: readonly string[],
  now: Date,
): Promise<string[]> {
  if (hashes.length === 0) return [];
  // The partial index command_lease_idx covers exactly the `sent` rows.
  const rows = await db
    .selectFrom('command')
    .select('deployment_hash')
    .distinct()
    .where('status', '=', 'sent')
    .where('lease_expires_at', '>', now)
    .where('deployment_hash', '=', sql<string>`any(${sql.val([...hashes])}::text[])`)
    .execute();
  return rows.map((row) => row.deployment_hash);
}
