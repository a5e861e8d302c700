import { type Kysely, sql } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { prepared } from '../../infra/db/prepared-statements.js';
import { COMMAND_CHANGED_CHANNEL } from './channels.js';
import type { LeaseSettings } from './claim-repository.js';
import { COMMAND_COLUMNS, type CommandRow } from './command-row.js';

export interface ClaimRequest {
  deploymentHash: string;
  agentId: string;
  ip: string | null;
}

const returned = sql.join(COMMAND_COLUMNS.map((c) => sql.ref(`c.${c}`)));
const selected = sql.join(COMMAND_COLUMNS.map((c) => sql.ref(`claimed.${c}`)));

/**
 * claimNextCommand for several deployments in ONE statement (the long-polls' group commit): the same
 * pick per deployment (a LATERAL of the single claim's, with its `FOR UPDATE SKIP LOCKED` and its
 * no-overtaking rule), one UPDATE, one audit insert, one NOTIFY per claimed row. The deployments must
 * be distinct: two picks of one deployment would pick the same row (a transaction does not skip its
 * own locks). Returns the claimed row per deployment, if any.
 */
export async function claimNextCommands(
  db: Kysely<Database>,
  requests: ClaimRequest[],
  now: Date,
  lease: LeaseSettings,
): Promise<Map<string, CommandRow>> {
  const result = await sql<CommandRow>`${sql.raw(prepared('commands.claim-batch'))}
    WITH req AS (
      SELECT * FROM unnest(${requests.map((r) => r.deploymentHash)}::text[],
                           ${requests.map((r) => r.agentId)}::text[], ${requests.map((r) => r.ip)}::inet[])
        AS r(deployment_hash, agent_id, ip)
    ), pick AS (
      SELECT p.id, req.agent_id, req.ip FROM req
      CROSS JOIN LATERAL (
        SELECT q.id FROM command q
        WHERE q.deployment_hash = req.deployment_hash AND q.status = 'queued'
          AND NOT EXISTS (
            SELECT 1 FROM command e
            WHERE e.deployment_hash = q.deployment_hash AND e.status = 'queued'
              AND e.app_code IS NOT DISTINCT FROM q.app_code
              AND (e.created_at, e.change_seq) < (q.created_at, q.change_seq)
          )
        ORDER BY q.priority DESC, q.created_at, q.change_seq
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      ) p
    ), claimed AS (
      UPDATE command c
      SET status = 'sent', sent_at = ${now}, attempts = c.attempts + 1,
          lease_expires_at = ${now}::timestamptz
            + make_interval(secs => greatest(c.timeout_seconds, ${lease.assumedTimeoutSecs}::int) + ${lease.graceSecs}::int)
      FROM pick
      WHERE c.id = pick.id AND c.status = 'queued'
      RETURNING ${returned}, pick.agent_id AS claim_agent_id, pick.ip AS claim_ip
    ), audited AS (
      INSERT INTO audit_log (actor_type, actor_id, action, deployment_hash, target, details, ip, created_at)
      SELECT 'agent', claim_agent_id, 'command.delivered', deployment_hash, command_id,
             jsonb_build_object('type', type, 'attempt', attempts), claim_ip, ${now}
      FROM claimed
    )
    SELECT ${selected}, pg_notify(${COMMAND_CHANGED_CHANNEL}, claimed.deployment_hash)::text AS notified
    FROM claimed`.execute(db);
  const byHash = new Map<string, CommandRow>();
  for (const row of result.rows) {
    const { notified: _n, ...command } = row as CommandRow & { notified?: string };
    byHash.set(command.deployment_hash, command as CommandRow);
  }
  return byHash;
}
