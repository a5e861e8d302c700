import { type Kysely, sql } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { COMMAND_COLUMNS, type CommandRow } from './command-row.js';
import type { FeedCursor } from './feed-cursor.js';

export interface FeedRead {
  /** Database time of the read (the clock the overlap window is measured on). */
  readAt: Date;
  rows: CommandRow[];
}

const columns = sql.join(COMMAND_COLUMNS.map((c) => sql.ref(`c.${c}`)));

/**
 * Rows changed after the cursor, by ascending change_seq: those with a higher seq, plus every row
 * changed inside the overlap window (the caller drops the ones already seen). `limit` bounds the read.
 */
export async function readChanges(
  db: Kysely<Database>,
  deploymentHash: string,
  cursor: FeedCursor,
  overlapMs: number,
  limit: number,
): Promise<FeedRead> {
  const filter =
    cursor.kind === 'time'
      ? sql`c.updated_at > ${cursor.after}`
      : sql`(c.change_seq > ${cursor.seq} OR c.updated_at >= ${new Date(cursor.readAtMs - overlapMs)})`;
  const result = await sql<CommandRow & { read_at: Date }>`
    WITH t AS (SELECT statement_timestamp() AS read_at)
    SELECT t.read_at, ${columns}
    FROM t LEFT JOIN LATERAL (
      SELECT * FROM command c
      WHERE c.deployment_hash = ${deploymentHash} AND ${filter}
      ORDER BY c.change_seq
      LIMIT ${limit}
    ) c ON true
    ORDER BY c.change_seq`.execute(db);
  const first = result.rows[0];
  if (!first) throw new Error('feed read returned no time row');
  return { readAt: first.read_at, rows: result.rows.filter((r) => r.id !== null) };
}

/** Where a feed that starts now begins: the highest seq, and the seqs inside the overlap window. */
export async function currentPosition(
  db: Kysely<Database>,
  deploymentHash: string,
  overlapMs: number,
): Promise<{ readAt: Date; maxSeq: number; recent: number[] }> {
  const result = await sql<{ read_at: Date; max_seq: string | null; recent: string[] | null }>`
    SELECT statement_timestamp() AS read_at,
      (SELECT max(change_seq) FROM command WHERE deployment_hash = ${deploymentHash}) AS max_seq,
      (SELECT array_agg(change_seq ORDER BY change_seq) FROM command
        WHERE deployment_hash = ${deploymentHash}
          AND updated_at >= statement_timestamp() - make_interval(secs => ${overlapMs / 1000})) AS recent`.execute(
    db,
  );
  const row = result.rows[0]!;
  return { readAt: row.read_at, maxSeq: Number(row.max_seq ?? 0), recent: (row.recent ?? []).map(Number) };
}
