import { type Kysely, sql } from 'kysely';
import type { Database } from '../../infra/db/database.js';

/* SQL of the queue's housekeeping: lease expiry, queued TTLs, history retention. */

type Db = Kysely<Database>;

export interface SweptCommand {
  command_id: string;
  deployment_hash: string;
  type: string;
  attempts: number;
  action: 'requeued' | 'failed' | 'expired';
}

/** True when this transaction got the sweep's advisory lock (another instance may hold it). */
export async function tryAdvisoryXactLock(trx: Db, name: string): Promise<boolean> {
  const result = await sql<{ ok: boolean }>`
    SELECT pg_try_advisory_xact_lock(hashtextextended(${name}, 0)) AS ok`.execute(trx);
  return result.rows[0]?.ok === true;
}

/**
 * `sent` commands whose lease ran out: read-only ones go back to `queued` while they have attempts
 * left, everything else fails with `agent_timeout` (a restart never runs twice behind the user's back).
 */
export async function expireLeases(
  trx: Db,
  now: Date,
  readOnlyTypes: readonly string[],
  maxAttempts: number,
  batch: number,
): Promise<SweptCommand[]> {
  const retry = sql`(c.type = ANY(${[...readOnlyTypes]}::text[]) AND c.attempts < ${maxAttempts})`;
  const result = await sql<SweptCommand>`
    WITH due AS (
      SELECT id FROM command
      WHERE status = 'sent' AND lease_expires_at < ${now}
      ORDER BY lease_expires_at
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED
    ), requeued AS (
      UPDATE command c
      SET status = 'queued', sent_at = NULL, lease_expires_at = NULL,
          metadata = c.metadata || jsonb_build_object('requeued_at', ${now.toISOString()}::text)
      FROM due WHERE c.id = due.id AND ${retry}
      RETURNING c.command_id, c.deployment_hash, c.type, c.attempts, 'requeued' AS action
    ), failed AS (
      UPDATE command c
      SET status = 'failed', lease_expires_at = NULL, completed_at = ${now},
          error = jsonb_build_object('code', 'agent_timeout',
            'message', 'The agent did not report before its lease expired.')
      FROM due WHERE c.id = due.id AND NOT ${retry}
      RETURNING c.command_id, c.deployment_hash, c.type, c.attempts, 'failed' AS action
    )
    SELECT * FROM requeued UNION ALL SELECT * FROM failed`.execute(trx);
  return result.rows;
}

/**
 * Queued commands never delivered in time become `cancelled` with code `expired`: mutating ones after
 * their TTL (a day-old restart must not fire when a host comes back), read-only ones sooner. A
 * re-queued command counts from its re-queue.
 */
export async function expireQueued(
  trx: Db,
  now: Date,
  readOnlyTypes: readonly string[],
  ttl: { readOnlySecs: number; mutatingSecs: number },
  batch: number,
): Promise<SweptCommand[]> {
  const since = sql`coalesce((metadata->>'requeued_at')::timestamptz, created_at)`;
  const readOnly = sql`type = ANY(${[...readOnlyTypes]}::text[])`;
  const result = await sql<SweptCommand>`
    WITH due AS (
      SELECT id FROM command
      WHERE status = 'queued' AND (
        (${readOnly} AND ${since} < ${now}::timestamptz - make_interval(secs => ${ttl.readOnlySecs}))
        OR (NOT ${readOnly} AND ${since} < ${now}::timestamptz - make_interval(secs => ${ttl.mutatingSecs})))
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE command c
    SET status = 'cancelled', completed_at = ${now},
        error = jsonb_build_object('code', 'expired', 'message', 'The command was not delivered in time.')
    FROM due WHERE c.id = due.id
    RETURNING c.command_id, c.deployment_hash, c.type, c.attempts, 'expired' AS action`.execute(trx);
  return result.rows;
}

/** Deletes up to `batch` finished commands completed before `cutoff`; returns how many. */
export async function deleteFinished(db: Db, cutoff: Date, batch: number): Promise<number> {
  const result = await sql<{ n: number }>`
    WITH gone AS (
      DELETE FROM command WHERE id IN (
        SELECT id FROM command
        WHERE status IN ('completed', 'failed', 'cancelled') AND completed_at < ${cutoff}
        LIMIT ${batch})
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM gone`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** Cancels a deployment's queued commands (the deployment was deleted). */
export async function cancelQueuedForDeployment(
  trx: Db,
  deploymentHash: string,
  now: Date,
): Promise<SweptCommand[]> {
  const result = await sql<SweptCommand>`
    UPDATE command
    SET status = 'cancelled', completed_at = ${now},
        error = jsonb_build_object('code', 'deployment_deleted', 'message', 'The deployment was deleted.')
    WHERE deployment_hash = ${deploymentHash} AND status = 'queued'
    RETURNING command_id, deployment_hash, type, attempts, 'expired' AS action`.execute(trx);
  return result.rows;
}
