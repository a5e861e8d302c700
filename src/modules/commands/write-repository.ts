import { type Kysely, sql } from 'kysely';
import { type AuditEntry, auditRow } from '../../infra/audit/audit-log.js';
import type { Database } from '../../infra/db/database.js';
import { prepared } from '../../infra/db/prepared-statements.js';
import { COMMAND_CHANGED_CHANNEL, COMMAND_QUEUED_CHANNEL } from './channels.js';
import { COMMAND_COLUMNS, type CommandRow } from './command-row.js';
import { type CommandOutcomePatch, type NewCommand, newCommandValues } from './repository.js';

/*
 * The queue's two busiest writes as one statement each: the row, its audit entry and its NOTIFYs
 * (delivered at commit) in data-modifying CTEs. One statement is atomic on its own, so without an
 * Idempotency-Key no explicit transaction (BEGIN/COMMIT round trips) is needed around it.
 */

/**
 * Inserts a queued command with its `command.enqueued` audit row and wakes the waiting poll and the
 * change feeds. undefined when a health check for the same app is already in flight (the partial
 * unique index): nothing is written then.
 */
export async function insertQueuedCommand(
  db: Kysely<Database>,
  command: NewCommand,
  audit: Omit<AuditEntry, 'deploymentHash' | 'target'>,
): Promise<CommandRow | undefined> {
  const entry = auditRow({ ...audit, deploymentHash: command.deploymentHash, target: command.commandId });
  const result = await db
    .with('ins', (qc) =>
      qc
        .insertInto('command')
        .values(newCommandValues(command))
        .onConflict((oc) =>
          oc
            .expression(sql`deployment_hash, (coalesce(app_code, 'all'))`)
            // Literals, not parameters: Postgres matches the partial index by proving this predicate
            // implies the index's, which a generic plan of the prepared statement cannot do with $n.
            .where(sql<boolean>`type = 'health' AND status IN ('queued', 'sent')`)
            .doNothing(),
        )
        .returning(COMMAND_COLUMNS),
    )
    .with('audited', (qc) =>
      qc
        .insertInto('audit_log')
        .columns([
          'action',
          'actor_type',
          'actor_id',
          'deployment_hash',
          'target',
          'details',
          'ip',
          'user_agent',
          'created_at',
        ])
        .expression((eb) =>
          eb
            .selectFrom('ins')
            .select([
              sql`${entry.action}::text`.as('action'),
              sql`${entry.actor_type}::text`.as('actor_type'),
              sql`${entry.actor_id}::text`.as('actor_id'),
              'ins.deployment_hash',
              'ins.command_id',
              sql`${entry.details}::jsonb`.as('details'),
              sql`${entry.ip}::inet`.as('ip'),
              sql`${entry.user_agent}::text`.as('user_agent'),
              sql`${command.now}::timestamptz`.as('created_at'),
            ]),
        ),
    )
    .selectFrom('ins')
    .selectAll()
    .select([
      sql<string>`pg_notify(${COMMAND_QUEUED_CHANNEL}, ins.deployment_hash)::text`.as('notified_queued'),
      sql<string>`pg_notify(${COMMAND_CHANGED_CHANNEL}, ins.deployment_hash)::text`.as('notified_changed'),
    ])
    .modifyEnd(sql.raw(prepared('commands.enqueue')))
    .executeTakeFirst();
  if (!result) return undefined;
  const { notified_queued: _q, notified_changed: _c, ...row } = result;
  return row as CommandRow;
}

/**
 * Writes a report's outcome, its audit row and the change NOTIFY, only if the command is still the
 * version that was read (`change_seq` moves on every update). False when something else changed it
 * first: the caller then takes the row lock and decides again.
 */
export async function writeOutcomeIfUnchanged(
  db: Kysely<Database>,
  seen: Pick<CommandRow, 'id' | 'change_seq'>,
  patch: CommandOutcomePatch,
  audit: AuditEntry,
): Promise<boolean> {
  const entry = auditRow(audit);
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const result = await sql<{ notified: string }>`${sql.raw(prepared('commands.report-write'))}
    WITH done AS (
      UPDATE command
      SET status = ${patch.status}, result = ${json(patch.result)}::jsonb, error = ${json(patch.error)}::jsonb,
          metadata = metadata || ${JSON.stringify(patch.metadataPatch)}::jsonb,
          completed_at = ${patch.now}::timestamptz, lease_expires_at = NULL
      WHERE id = ${seen.id}::uuid AND change_seq = ${seen.change_seq}::bigint
      RETURNING deployment_hash
    ), audited AS (
      INSERT INTO audit_log (action, actor_type, actor_id, deployment_hash, target, outcome, details, ip,
                             user_agent, created_at)
      SELECT ${entry.action}, ${entry.actor_type}, ${entry.actor_id}, ${entry.deployment_hash}, ${entry.target},
             ${entry.outcome}, ${entry.details}::jsonb, ${entry.ip}::inet, ${entry.user_agent},
             ${patch.now}::timestamptz
      FROM done
    )
    SELECT pg_notify(${COMMAND_CHANGED_CHANNEL}, deployment_hash)::text AS notified FROM done`.execute(db);
  return result.rows.length > 0;
}
