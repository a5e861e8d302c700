import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/*
 * The one writer of `audit_log` (agent-protocol.md, "Audit"; the admin and compose actions too): who,
 * which deployment, when, from which address, with a small JSON detail. Never a token or a signature:
 * callers pass ids and reasons only, and details are plain objects they build on purpose. Statements
 * that write their audit row inside one larger SQL statement (the claim, the guarded report write, the
 * sampled auth failure) spell the columns themselves, for the round trip they save.
 */

export type AuditAction =
  | 'agent.registered'
  | 'agent.token_rotated'
  | 'agent.linked_via_login'
  | 'agent.auth_failure'
  | 'command.enqueued'
  | 'command.delivered'
  | 'command.reported'
  | 'command.late_report'
  | 'command.cancelled'
  | 'command.expired'
  | 'command.lease_expired'
  | 'outbox.retried'
  | 'outbox.discarded'
  | 'compose_agent.registered'
  | 'compose_agent.removed'
  | `compose.${string}`;

/** Who did it; `actorId` is null for the system and anonymous callers. */
export interface AuditActor {
  actorType: 'user' | 'agent' | 'client' | 'system' | 'anonymous';
  actorId: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  actorType: AuditActor['actorType'];
  actorId?: string | null;
  deploymentHash?: string | null;
  target?: string | null;
  outcome?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
  at?: Date;
}

/** User agents are clipped: the column is for telling clients apart, not for storing what they send. */
export const MAX_USER_AGENT = 256;

/** The `audit_log` row of an entry (for statements that write it beside other changes). */
export function auditRow(entry: AuditEntry) {
  return {
    action: entry.action,
    actor_type: entry.actorType,
    actor_id: entry.actorId ?? null,
    deployment_hash: entry.deploymentHash ?? null,
    target: entry.target ?? null,
    outcome: entry.outcome ?? null,
    details: JSON.stringify(entry.details ?? {}),
    ip: entry.ip ?? null,
    user_agent: entry.userAgent ? entry.userAgent.slice(0, MAX_USER_AGENT) : null,
    ...(entry.at ? { created_at: entry.at } : {}),
  };
}

/** Writes audit rows in the caller's transaction (or autocommit on the pool). */
export async function writeAudit(db: Kysely<Database>, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db.insertInto('audit_log').values(list.map(auditRow)).execute();
}
