import { type Kysely, sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../infra/db/database.js';

/*
 * `agent.auth_failure` audit rows, sampled: at most one per agent (or claimed id) and reason per
 * minute. An in-memory gate spares the database on this instance; the insert's NOT EXISTS keeps other
 * instances from adding a second row in the same minute (a race can let one extra through, which is
 * harmless for an audit sample).
 */

export type AuthFailureReason =
  | 'malformed_agent_id'
  | 'missing_token'
  | 'unknown_agent'
  | 'revoked'
  | 'wrong_token'
  | 'expired_token'
  | 'stale_timestamp'
  | 'bad_signature'
  | 'missing_request_id'
  | 'replayed_request'
  | 'wrong_deployment';

export interface AuthFailure {
  reason: AuthFailureReason;
  /** The claimed agent id (possibly unknown), or null when the header was unusable. */
  agentId: string | null;
  deploymentHash: string | null;
  ip: string;
  userAgent: string | null;
  route: string | null;
  now: Date;
}

const SAMPLE_MS = 60_000;

export class AuthFailureAudit {
  private readonly lastWritten = new LRUCache<string, number>({ max: 50_000 });

  constructor(private readonly db: Kysely<Database>) {}

  async record(failure: AuthFailure): Promise<void> {
    const key = `${failure.agentId ?? '-'}|${failure.reason}`;
    const nowMs = failure.now.getTime();
    const last = this.lastWritten.get(key);
    if (last !== undefined && nowMs - last < SAMPLE_MS) return;
    this.lastWritten.set(key, nowMs);
    const details = JSON.stringify({ reason: failure.reason, route: failure.route });
    const since = new Date(nowMs - SAMPLE_MS);
    await sql`
      INSERT INTO audit_log (actor_type, actor_id, action, deployment_hash, outcome, details, ip, user_agent, created_at)
      SELECT 'agent', ${failure.agentId}, 'agent.auth_failure', ${failure.deploymentHash}, ${failure.reason},
             ${details}::jsonb, ${failure.ip}::inet, ${failure.userAgent?.slice(0, 256) ?? null}, ${failure.now}
      WHERE NOT EXISTS (
        SELECT 1 FROM audit_log
        WHERE action = 'agent.auth_failure' AND created_at > ${since}
          AND actor_id IS NOT DISTINCT FROM ${failure.agentId} AND outcome = ${failure.reason}
      )`.execute(this.db);
  }
}
