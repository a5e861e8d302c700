import type { Kysely } from 'kysely';
import type { AuthAgent } from '../../auth/principal.js';
import { type AuditEntry, writeAudit } from '../../infra/audit/audit-log.js';
import type { Clock } from '../../infra/clock.js';
import type { Database } from '../../infra/db/database.js';
import { notify } from '../../infra/db/notify.js';
import type { Redactor } from '../../infra/redaction/index.js';
import type { RequestMeta } from '../agents/index.js';
import { checkResult } from './catalog.js';
import { COMMAND_CHANGED_CHANNEL } from './channels.js';
import type { CommandRow } from './command-row.js';
import { commandNotFound } from './query-service.js';
import {
  boundedResult,
  type Disposition,
  type Outcome,
  type ReportInput,
  reportDisposition,
  reportError,
  reportOutcome,
} from './report-rules.js';
import { findCommand, lockCommand, patchMetadata, writeOutcome } from './repository.js';
import { writeOutcomeIfUnchanged } from './write-repository.js';

export interface ReportDeps {
  db: Kysely<Database>;
  clock: Clock;
  redactor: Redactor;
}

export interface ReportOutcome {
  commandId: string;
  /** The command's status after the report (a cancelled command stays cancelled). */
  status: string;
  /** Set when the result failed the catalog's checks: the route answers 422 invalid_result. */
  invalidReason?: string;
}

/** What a report writes, decided from the command as read and the report (redaction done here). */
interface Plan {
  outcome: Outcome;
  result: unknown;
  error: unknown;
  reportedMeta: Record<string, unknown>;
  invalidReason: string | undefined;
}

function plan(deps: ReportDeps, row: CommandRow, report: ReportInput, now: Date): Plan {
  const outcome: Outcome = reportOutcome(report);
  const checked = checkResult(
    row.type,
    { deploymentHash: row.deployment_hash, appCode: row.app_code },
    report.result,
  );
  const reportedMeta = {
    executed_by: report.executed_by ?? null,
    agent_completed_at: report.completed_at ?? null,
    reported_at: now.toISOString(),
  };
  if (checked.ok) {
    return {
      outcome,
      result: deps.redactor.redactDeep(checked.result),
      error: deps.redactor.redactDeep(reportError(report, outcome)),
      reportedMeta,
      invalidReason: undefined,
    };
  }
  return {
    outcome: 'failed',
    result: boundedResult(deps.redactor.redactDeep(report.result)),
    error: { code: 'invalid_result', message: checked.reason },
    reportedMeta,
    invalidReason: checked.reason,
  };
}

/** The outcome write of an `apply` or `replace_timeout` disposition, and its audit row. */
function outcomeWrite(row: CommandRow, p: Plan, disposition: Disposition, audit: AuditEntry, now: Date) {
  const late = disposition === 'replace_timeout';
  return {
    patch: {
      status: p.outcome,
      result: p.result,
      error: p.error,
      metadataPatch: late
        ? { ...p.reportedMeta, late_report: true, replaced_error: row.error }
        : p.reportedMeta,
      now,
    },
    audit: {
      ...audit,
      action: late ? ('command.late_report' as const) : ('command.reported' as const),
      outcome: p.outcome,
      details: {
        type: row.type,
        previous_status: row.status,
        ...(p.invalidReason === undefined ? {} : { invalid_result: true }),
      },
    },
  };
}

/**
 * Applies an agent's report (agent-protocol.md, "Report"). Every string of the result and error is
 * redacted before it is stored. The usual case (the command is `sent` and nothing else touches it)
 * costs one read and one guarded write that applies only if the row is still the version read; when
 * something changed it in between (a lease sweep, a duplicate report, a cancel), the row is locked and
 * the rules run again on what is there. Waiting readers are woken at commit.
 */
export async function reportCommand(
  deps: ReportDeps,
  agent: AuthAgent,
  report: ReportInput,
  meta: RequestMeta,
): Promise<ReportOutcome> {
  const now = deps.clock.now();
  const seen = await findCommand(deps.db, agent.deploymentHash, report.command_id);
  if (!seen) throw commandNotFound();
  const disposition = reportDisposition(seen);
  if (disposition === 'apply' || disposition === 'replace_timeout') {
    const p = plan(deps, seen, report, now);
    const write = outcomeWrite(seen, p, disposition, auditOf(agent, seen, meta, now), now);
    if (await writeOutcomeIfUnchanged(deps.db, seen, write.patch, write.audit)) {
      return { commandId: seen.command_id, status: p.outcome, ...invalid(p) };
    }
  }
  return reportLocked(deps, agent, report, meta, now);
}

const invalid = (p: Plan) => (p.invalidReason === undefined ? {} : { invalidReason: p.invalidReason });

function auditOf(agent: AuthAgent, row: CommandRow, meta: RequestMeta, now: Date): AuditEntry {
  return {
    action: 'command.reported',
    actorType: 'agent',
    actorId: agent.id,
    deploymentHash: row.deployment_hash,
    target: row.command_id,
    ip: meta.ip,
    userAgent: meta.userAgent,
    at: now,
  };
}

/** The report under the row lock: every disposition, decided on the row as it is now. */
function reportLocked(
  deps: ReportDeps,
  agent: AuthAgent,
  report: ReportInput,
  meta: RequestMeta,
  now: Date,
): Promise<ReportOutcome> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockCommand(trx, agent.deploymentHash, report.command_id);
    if (!row) throw commandNotFound();
    const disposition = reportDisposition(row);
    const audit = auditOf(agent, row, meta, now);
    if (disposition === 'duplicate') {
      await writeAudit(trx, { ...audit, outcome: 'duplicate', details: { status: row.status } });
      return { commandId: row.command_id, status: row.status };
    }
    const p = plan(deps, row, report, now);
    if (disposition === 'keep_cancelled') {
      await patchMetadata(trx, row.id, {
        late_report: {
          ...p.reportedMeta,
          status: p.outcome,
          result: boundedResult(p.result),
          error: p.error,
        },
      });
      await writeAudit(trx, {
        ...audit,
        action: 'command.late_report',
        outcome: 'kept_cancelled',
        details: { reported: p.outcome },
      });
      await notify(trx, COMMAND_CHANGED_CHANNEL, row.deployment_hash);
      // A late result for a cancelled command is only kept: it is answered 200 like every late report.
      return { commandId: row.command_id, status: 'cancelled' };
    }
    const write = outcomeWrite(row, p, disposition, audit, now);
    await writeOutcome(trx, row.id, write.patch);
    await writeAudit(trx, write.audit);
    await notify(trx, COMMAND_CHANGED_CHANNEL, row.deployment_hash);
    return { commandId: row.command_id, status: p.outcome, ...invalid(p) };
  });
}
