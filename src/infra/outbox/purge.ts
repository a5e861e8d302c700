import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';

/** Delivered rows are kept this long (for the admin view and incident forensics), then deleted. */
export const DELIVERED_RETENTION_MS = 7 * 24 * 3_600_000;

// One fixed advisory-lock key for the purge, so one instance purges while the others skip.
// ASCII "StkOutPg" read as a 64-bit integer: unlikely to collide with another feature's key.
export const PURGE_LOCK_KEY = '6013549391463600231';

export interface PurgeOptions {
  now: Date;
  retentionMs?: number;
  /** Small batches keep each transaction short: a purge never holds many row locks or bloats WAL at once. */
  batchSize?: number;
  /** Upper bound on batches per run, so one run cannot take over the pool after a long outage. */
  maxBatches?: number;
}

/**
 * Deletes delivered rows older than the retention, in batches, each in its own transaction under a
 * transaction-scoped advisory lock. Returns how many rows went; 0 when another instance holds the lock.
 */
export async function purgeDelivered(db: Kysely<Database>, options: PurgeOptions): Promise<number> {
  const cutoff = new Date(options.now.getTime() - (options.retentionMs ?? DELIVERED_RETENTION_MS));
  const batchSize = options.batchSize ?? 1_000;
  const maxBatches = options.maxBatches ?? 100;
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const deleted = await db.transaction().execute(async (trx) => {
      const lock = await sql<{ locked: boolean }>`
        SELECT pg_try_advisory_xact_lock(${PURGE_LOCK_KEY}::bigint) AS locked`.execute(trx);
      if (!lock.rows[0]?.locked) return undefined;
      const result = await sql`
        DELETE FROM outbox WHERE id IN (
          SELECT id FROM outbox
          WHERE status = 'delivered' AND delivered_at < ${cutoff}::timestamptz
          ORDER BY delivered_at
          LIMIT ${batchSize}
        )`.execute(trx);
      return Number(result.numAffectedRows ?? 0n);
    });
    if (deleted === undefined) break;
    total += deleted;
    if (deleted < batchSize) break;
  }
  return total;
}
