import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';

export interface TopicStats {
  pending: number;
  dead: number;
  oldestPendingAt: Date | undefined;
}

/** Pending and dead counts per topic, with the oldest pending row's write time (for the metrics). */
export async function readOutboxStats(db: Kysely<Database>): Promise<Map<string, TopicStats>> {
  // Both statuses are covered by the partial index `outbox_blocking_idx`, so this stays cheap.
  const result = await sql<{ topic: string; status: 'pending' | 'dead'; count: number; oldest: Date }>`
    SELECT topic, status, count(*)::int AS count, min(created_at) AS oldest
    FROM outbox
    WHERE status IN ('pending', 'dead')
    GROUP BY topic, status`.execute(db);
  const stats = new Map<string, TopicStats>();
  for (const row of result.rows) {
    const entry = stats.get(row.topic) ?? { pending: 0, dead: 0, oldestPendingAt: undefined };
    if (row.status === 'pending') {
      entry.pending = row.count;
      entry.oldestPendingAt = row.oldest;
    } else {
      entry.dead = row.count;
    }
    stats.set(row.topic, entry);
  }
  return stats;
}
