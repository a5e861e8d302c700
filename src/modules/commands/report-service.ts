import type { Kysely } from 'kysely';
import type { AuthAgent } from '../../auth/principal.js';
import type { Clock } from '../../infra/clock.js';
import type { Database } from '../../infra/db/database.js';
import { notify } from '../../infra/db/notify.js';
import type { Redactor } from '../../infra/redaction/index.js';
import { type AuditEntry, writeAudit } from '../agents/audit-service.js';
import type { RequestMeta } from '../agents/service.js';
import { checkResult } from './catalog.js';
import { COMMAND_CHANGED_CHANNEL } from './channels.js';
import { commandNotFound } from './query-service.js';
import {
  boundedResult,
  type Outcome,
  type ReportInput,
  reportDisposition,
  reportError,
  reportOutcome,
} from './report-rules.js';
import { lockCommand, patchMetadata, writeOutcome } from './repository.js';

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

/**
 * Applies an agent's report (agent-protocol.md, "Report"). Every string of the result and error is
 * redacted before it is stored; the command row is locked so a concurrent lease sweep or duplicate
 * report sees the outcome, not a half-state. Waiting readers are woken at commit.
 */
export async function reportCommand(
  deps: ReportDeps,
  agent: AuthAgent,
  report: ReportInput,
  meta: RequestMeta,
): Promise<ReportOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockCommand(trx, agent.deploymentHash, report.command_id);
    if (!row) throw commandNotFound();
    const disposition = reportDisposition(row);
    const audit: AuditEntry = {
      action: 'command.reported',
      actorType: 'agent',
      actorId: agent.id,
      deploymentHash: row.deployment_hash,
      target: row.command_id,
      ip: meta.ip,
      userAgent: meta.userAgent,
      at: now,
    };
    if (disposition === 'duplicate') {
      await writeAudit(trx, { ...audit, outcome: 'duplicate', details: { status: row.status } });
      return { commandId: row.command_id, status: row.status };
    }

    let outcome: Outcome = reportOutcome(report);
    const checked = checkResult(
      row.type,
      { deploymentHash: row.deployment_hash, appCode: row.app_code },
      report.result,
    );
    let result: unknown;
    let error: unknown;
    if (checked.ok) {
      result = deps.redactor.redactDeep(checked.result);
      error = deps.redactor.redactDeep(reportError(report, outcome));
    } else {
      outcome = 'failed';
      result = boundedResult(deps.redactor.redactDeep(report.result));
      error = { code: 'invalid_result', message: checked.reason };
    }
    const reportedMeta = {
      executed_by: report.executed_by ?? null,
      agent_completed_at: report.completed_at ?? null,
      reported_at: now.toISOString(),
    };

    if (disposition === 'keep_cancelled') {
      await patchMetadata(trx, row.id, {
        late_report: { ...reportedMeta, status: outcome, result: boundedResult(result), error },
      });
      await writeAudit(trx, {
        ...audit,
        action: 'command.late_report',
        outcome: 'kept_cancelled',
        details: { reported: outcome },
      });
    } else {
      const late = disposition === 'replace_timeout';
      await writeOutcome(trx, row.id, {
        status: outcome,
        result,
        error,
        metadataPatch: late
          ? { ...reportedMeta, late_report: true, replaced_error: row.error }
          : reportedMeta,
        now,
      });
      await writeAudit(trx, {
        ...audit,
        action: late ? 'command.late_report' : 'command.reported',
        outcome,
        details: {
          type: row.type,
          previous_status: row.status,
          ...(checked.ok ? {} : { invalid_result: true }),
        },
      });
    }
    await notify(trx, COMMAND_CHANGED_CHANNEL, row.deployment_hash);
    const status = disposition === 'keep_cancelled' ? 'cancelled' : outcome;
    // A late result for a cancelled command is only kept: it is answered 200 like every late report.
    const invalid = !checked.ok && disposition !== 'keep_cancelled';
    return { commandId: row.command_id, status, ...(invalid ? { invalidReason: checked.reason } : {}) };
  });
}
