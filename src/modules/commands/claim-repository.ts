import { type Kysely, sql } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { prepared } from '../../infra/db/prepared-statements.js';
import { COMMAND_CHANGED_CHANNEL, COMMAND_QUEUED_CHANNEL } from './channels.js';
import { COMMAND_COLUMNS, type CommandRow } from './command-row.js';

export interface LeaseSettings {
  /** The agent applies its own timeout, not ours: the lease covers whichever is longer. */
  assumedTimeoutSecs: number;
  graceSecs: number;
}

export interface ClaimContext {
  agentId: string;
  ip: string | null;
  now: Date;
  lease: LeaseSettings;
}

/**
 * Claims the next command of a deployment in one statement: highest priority first, oldest first,
 * except that a command never overtakes an older queued one for the same app (a later `start` never
 * runs before an earlier `stop`). `FOR UPDATE SKIP LOCKED` means two polls never get the same row;
 * the partial claim index keeps the cost independent of the history. The same statement writes the
 * `command.delivered` audit row and notifies the change feeds (delivered at commit).
 */
// Named columns, not `*`: a prepared statement whose result type changes (a column added by a
// migration) fails until its connection is replaced.
const returned = sql.join(COMMAND_COLUMNS.map((c) => sql.ref(`c.${c}`)));
const selected = sql.join(COMMAND_COLUMNS.map((c) => sql.ref(`claimed.${c}`)));

export async function claimNextCommand(
  db: Kysely<Database>,
  deploymentHash: string,
  ctx: ClaimContext,
): Promise<CommandRow | undefined> {
  const result = await sql<CommandRow>`${sql.raw(prepared('commands.claim'))}
    WITH pick AS (
      SELECT q.id FROM command q
      WHERE q.deployment_hash = ${deploymentHash} AND q.status = 'queued'
        AND NOT EXISTS (
          SELECT 1 FROM command e
          WHERE e.deployment_hash = q.deployment_hash AND e.status = 'queued'
            AND e.app_code IS NOT DISTINCT FROM q.app_code
            AND (e.created_at, e.change_seq) < (q.created_at, q.change_seq)
        )
      ORDER BY q.priority DESC, q.created_at, q.change_seq
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE command c
      SET status = 'sent', sent_at = ${ctx.now}, attempts = c.attempts + 1,
          lease_expires_at = ${ctx.now}::timestamptz
            + make_interval(secs => greatest(c.timeout_seconds, ${ctx.lease.assumedTimeoutSecs}::int) + ${ctx.lease.graceSecs}::int)
      FROM pick
      WHERE c.id = pick.id AND c.status = 'queued'
      RETURNING ${returned}
    ), audited AS (
      INSERT INTO audit_log (actor_type, actor_id, action, deployment_hash, target, details, ip, created_at)
      SELECT 'agent', ${ctx.agentId}, 'command.delivered', deployment_hash, command_id,
             jsonb_build_object('type', type, 'attempt', attempts), ${ctx.ip}::inet, ${ctx.now}
      FROM claimed
    )
    SELECT ${selected}, pg_notify(${COMMAND_CHANGED_CHANNEL}, claimed.deployment_hash)::text AS notified
    FROM claimed`.execute(db);
  return result.rows[0];
}

/**
 * The reply carrying a claimed command could not be written: back to `queued`, the attempt not
 * counted. Guarded by status and attempt so a report or lease expiry that came first wins.
 */
export async function putBackCommand(db: Kysely<Database>, row: CommandRow): Promise<boolean> {
  const result = await sql<{ deployment_hash: string }>`
    WITH back AS (
      UPDATE command SET status = 'queued', sent_at = NULL, lease_expires_at = NULL, attempts = attempts - 1
      WHERE id = ${row.id} AND status = 'sent' AND attempts = ${row.attempts}
      RETURNING deployment_hash
    )
    SELECT deployment_hash, pg_notify(${COMMAND_QUEUED_CHANNEL}, deployment_hash)::text AS q,
           pg_notify(${COMMAND_CHANGED_CHANNEL}, deployment_hash)::text AS c
    FROM back`.execute(db);
  return result.rows.length > 0;
}

/** Which of these deployments have a claimable command: the waiters' batched safety re-check. */
export async function deploymentsWithQueued(db: Kysely<Database>, hashes: string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const result = await sql<{ deployment_hash: string }>`${sql.raw(prepared('commands.queued-among'))}
    SELECT DISTINCT deployment_hash FROM command
    WHERE status = 'queued' AND deployment_hash = ANY(${hashes}::text[])`.execute(db);
  return result.rows.map((r) => r.deployment_hash);
}
