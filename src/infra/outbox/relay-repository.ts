import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Outbox } from '../db/schema.js';

export type OutboxRow = Selectable<Outbox>;

/**
 * `b` comes before `o` in their ordering key. When both carry a `sequence` (allocated under the
 * business row's lock, so it is the true order even when transactions commit out of start order) it
 * decides; otherwise the write time, then the id so that the order is total.
 */
const comesBefore = (b: string, o: string) =>
  sql.raw(`(CASE WHEN ${b}.sequence IS NOT NULL AND ${o}.sequence IS NOT NULL AND ${b}.sequence <> ${o}.sequence
      THEN ${b}.sequence < ${o}.sequence
      ELSE (${b}.created_at, ${b}.id) < (${o}.created_at, ${o}.id) END)`);

/** No earlier row of `o`'s key is still pending or dead (a dead one holds its key until an admin acts). */
const notHeldBack = sql`NOT EXISTS (
  SELECT 1 FROM outbox b
  WHERE b.ordering_key = o.ordering_key
    AND b.status IN ('pending', 'dead')
    AND b.id <> o.id
    AND ${comesBefore('b', 'o')}
)`;

/**
 * A head row: pending, of a topic this relay can send, due, not leased, and with no earlier row of its
 * key still pending or dead. A row never tried (`attempts = 0`) is due whatever `next_attempt_at` says:
 * that default is the database's clock, and the relay's "now" is the app's (injectable) clock.
 */
const isClaimableHead = (topics: readonly string[], now: Date) => sql`
  o.status = 'pending'
  AND o.topic = ANY(${topics}::text[])
  AND (o.attempts = 0 OR o.next_attempt_at <= ${now}::timestamptz)
  AND (o.locked_until IS NULL OR o.locked_until <= ${now}::timestamptz)
  AND ${notHeldBack}`;

export interface ClaimOptions {
  topics: readonly string[];
  now: Date;
  limit: number;
  lockedBy: string;
  leaseMs: number;
}

/**
 * Claims up to `limit` head rows in one statement and leases them. Autocommitted on its own, so the row
 * locks last only for this statement: the peer is called afterwards, holding neither a lock nor a pool
 * connection, and the lease (not a lock) keeps other relays off the row. `attempts` is counted here so it
 * doubles as the fencing token of this claim (see `settle`).
 */
export async function claimHeads(db: Kysely<Database>, options: ClaimOptions): Promise<OutboxRow[]> {
  const { topics, now, limit, lockedBy, leaseMs } = options;
  if (topics.length === 0 || limit <= 0) return [];
  const leaseEnd = new Date(now.getTime() + leaseMs);
  const result = await sql<OutboxRow>`
    WITH heads AS (
      SELECT o.id FROM outbox o
      WHERE ${isClaimableHead(topics, now)}
      ORDER BY o.next_attempt_at, o.created_at
      LIMIT ${limit}
      FOR UPDATE OF o SKIP LOCKED
    )
    UPDATE outbox AS t
    SET locked_by = ${lockedBy}, locked_until = ${leaseEnd}::timestamptz, attempts = t.attempts + 1
    FROM heads
    WHERE t.id = heads.id
    RETURNING t.*`.execute(db);
  return result.rows;
}

/**
 * When the next head becomes claimable (a retry falling due, a lease lapsing), or `undefined` when
 * nothing is waiting. Rows held back by an earlier row of their key are not counted: they wait for it.
 */
export async function nextDueAt(
  db: Kysely<Database>,
  topics: readonly string[],
  now: Date,
): Promise<Date | undefined> {
  if (topics.length === 0) return undefined;
  // A leased head is due when its lease lapses (its holder may have died), not at its next_attempt_at.
  const result = await sql<{ due: Date | null }>`
    SELECT min(CASE
        WHEN o.locked_until > ${now}::timestamptz THEN o.locked_until
        WHEN o.attempts = 0 THEN ${now}::timestamptz
        ELSE o.next_attempt_at END) AS due
    FROM outbox o
    WHERE o.status = 'pending'
      AND o.topic = ANY(${topics}::text[])
      AND ${notHeldBack}`.execute(db);
  return result.rows[0]?.due ?? undefined;
}

/** The lease this relay holds on a row: the outcome is written only while it still holds it. */
export interface Lease {
  id: string;
  lockedBy: string;
  attempts: number;
}

export type Settlement =
  | { status: 'delivered'; at: Date; lastStatus: number | null }
  | { status: 'retry'; nextAttemptAt: Date; lastStatus: number | null; lastError: string }
  | { status: 'dead'; lastStatus: number | null; lastError: string }
  | { status: 'released' };

/**
 * Records an attempt's outcome and drops the lease. Fenced on (`locked_by`, `attempts`): if the lease
 * lapsed and another relay claimed the row meanwhile, this relay's late answer changes nothing.
 * Returns whether the row was still ours.
 */
export async function settle(db: Kysely<Database>, lease: Lease, outcome: Settlement): Promise<boolean> {
  const unlocked = { locked_by: null, locked_until: null };
  const update = db.updateTable('outbox');
  const set =
    outcome.status === 'delivered'
      ? update.set({
          ...unlocked,
          status: 'delivered',
          delivered_at: outcome.at,
          last_status: outcome.lastStatus,
          last_error: null,
        })
      : outcome.status === 'retry'
        ? update.set({
            ...unlocked,
            next_attempt_at: outcome.nextAttemptAt,
            last_status: outcome.lastStatus,
            last_error: outcome.lastError,
          })
        : outcome.status === 'dead'
          ? update.set({
              ...unlocked,
              status: 'dead',
              last_status: outcome.lastStatus,
              last_error: outcome.lastError,
            })
          : // Handing a row back unsent (its sender went away) must not spend an attempt.
            update.set((eb) => ({ ...unlocked, attempts: eb('attempts', '-', 1) }));
  const result = await set
    .where('id', '=', lease.id)
    .where('status', '=', 'pending')
    .where('locked_by', '=', lease.lockedBy)
    .where('attempts', '=', lease.attempts)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
