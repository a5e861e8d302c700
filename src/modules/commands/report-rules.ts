import type { CommandError, CommandRow } from './command-row.js';

/* The report rules of agent-protocol.md, as pure functions. */

export interface ReportInput {
  command_id: string;
  deployment_hash: string;
  status: string;
  completed_at?: string | null;
  executed_by?: string | null;
  result?: unknown;
  error?: string | Record<string, unknown> | null;
  errors?: { code: string; message: string; details?: unknown }[] | null;
  command_status?: 'completed' | 'failed' | null;
}

export type Outcome = 'completed' | 'failed';

const FAILED_STATUSES = new Set(['failed', 'timeout', 'error']);

/** `command_status` when present; else failed for failed/timeout/error (any case) or any errors. */
export function reportOutcome(report: ReportInput): Outcome {
  if (report.command_status) return report.command_status;
  if (FAILED_STATUSES.has(report.status.trim().toLowerCase())) return 'failed';
  if (report.errors && report.errors.length > 0) return 'failed';
  return 'completed';
}

/**
 * What a report does to the command, given its current state:
 * - apply: `sent`, or `queued` again after a lease expiry (the report completes it);
 * - replace_timeout: lease expiry had failed it with `agent_timeout`: the report is the truth;
 * - keep_cancelled: the owner cancelled it: kept, the result stored in metadata.late_report;
 * - duplicate: already finished: nothing changes.
 */
export type Disposition = 'apply' | 'replace_timeout' | 'keep_cancelled' | 'duplicate';

export function reportDisposition(row: Pick<CommandRow, 'status' | 'error'>): Disposition {
  switch (row.status) {
    case 'sent':
    case 'queued':
      return 'apply';
    case 'cancelled':
      return 'keep_cancelled';
    case 'failed':
      return errorCode(row.error) === 'agent_timeout' ? 'replace_timeout' : 'duplicate';
    default:
      return 'duplicate';
  }
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The `error` stored for a report: null for a clean success, else `{code, message, details?, errors?}`. */
export function reportError(report: ReportInput, outcome: Outcome): CommandError | null {
  const errors = report.errors ?? [];
  const given = report.error ?? null;
  if (outcome === 'completed' && given === null && errors.length === 0) return null;
  const first = errors[0];
  const givenObject = typeof given === 'object' && given !== null ? given : undefined;
  const message =
    typeof given === 'string'
      ? given
      : typeof givenObject?.message === 'string'
        ? givenObject.message
        : (first?.message ?? `The agent reported status "${report.status}".`);
  const code = first?.code ?? (typeof givenObject?.code === 'string' ? givenObject.code : 'agent_error');
  return {
    code,
    message,
    ...(givenObject ? { details: givenObject } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** Results kept for inspection (invalid or late) are bounded: a preview past this size. */
export const MAX_KEPT_RESULT_CHARS = 64 * 1024;

export function boundedResult(result: unknown): unknown {
  if (result === undefined || result === null) return null;
  const json = JSON.stringify(result);
  if (json.length <= MAX_KEPT_RESULT_CHARS) return result;
  return { truncated: true, size: json.length, preview: json.slice(0, MAX_KEPT_RESULT_CHARS) };
}
