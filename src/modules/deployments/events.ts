import type { DeploymentEvent, DeploymentEventFeed } from './lifecycle-schemas.js';
import { REMEDIATION_CLASSES, type RemediationClass, TYPED_SCHEMA_VERSION } from './typed-error.js';

/*
 * A deployment's event feed, derived (nothing is stored): one `deployment_status` event from its status
 * message, and per command a `command_queued` event plus one for its status unless it is still queued.
 * Ordered by time, then queued < sent < executing < final, so a command's events never read backwards.
 */

export interface EventCommand {
  command_id: string;
  type: string;
  status: string;
  result: unknown;
  error: unknown;
  created_at: Date;
  updated_at: Date;
}

export interface EventDeployment {
  deployment_hash: string;
  status: string;
  status_message: string | null;
  updated_at: Date;
}

type Draft = Omit<DeploymentEvent, 'sequence' | 'occurredAt'> & { at: Date; order: number };

const SUCCESS_STATUSES = new Set(['completed', 'healthy', 'active']);
const FAILURE_STATUSES = new Set(['failed', 'error', 'deploy_failed']);

function deploymentClassification(status: string): DeploymentEvent['classification'] {
  if (SUCCESS_STATUSES.has(status)) return 'success';
  return FAILURE_STATUSES.has(status) ? 'failure' : 'progress';
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** `message`, else `status`, else the first `errors[].message`, else the value itself when a string. */
function messageOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const record = asRecord(value);
  if (!record) return undefined;
  if (typeof record.message === 'string') return record.message;
  if (typeof record.status === 'string') return record.status;
  if (Array.isArray(record.errors)) {
    for (const entry of record.errors) {
      const message = asRecord(entry)?.message;
      if (typeof message === 'string') return message;
    }
  }
  return undefined;
}

function typedErrorOf(
  value: unknown,
): { message: string; retryable: boolean; remediationClass: RemediationClass } | undefined {
  const record = asRecord(value);
  if (!record || typeof record.message !== 'string' || typeof record.retryable !== 'boolean')
    return undefined;
  const remediation = record.remediationClass;
  if (!REMEDIATION_CLASSES.includes(remediation as RemediationClass)) return undefined;
  return {
    message: record.message,
    retryable: record.retryable,
    remediationClass: remediation as RemediationClass,
  };
}

function outcome(command: EventCommand): Draft | undefined {
  const base = {
    commandId: command.command_id,
    commandType: command.type,
    status: command.status,
    at: command.updated_at,
  };
  switch (command.status) {
    case 'queued':
      return undefined;
    case 'sent':
      return {
        ...base,
        kind: 'command_sent',
        classification: 'progress',
        order: 1,
        summary: `${command.type} sent to agent`,
      };
    case 'executing':
      return {
        ...base,
        kind: 'command_executing',
        classification: 'progress',
        order: 2,
        summary: `${command.type} executing`,
      };
    case 'completed':
      return {
        ...base,
        kind: 'command_completed',
        classification: 'success',
        order: 3,
        summary: messageOf(command.result) ?? `${command.type} completed`,
      };
    default: {
      const kind = command.status === 'cancelled' ? 'command_cancelled' : 'command_failed';
      const typed = typedErrorOf(command.error);
      return {
        ...base,
        kind,
        classification: 'failure',
        order: 3,
        summary: typed?.message ?? messageOf(command.error) ?? `${command.type} failed`,
        retryable: typed?.retryable ?? false,
        remediationClass: typed?.remediationClass ?? 'state',
      };
    }
  }
}

export function deploymentEventFeed(
  deployment: EventDeployment,
  commands: EventCommand[],
): DeploymentEventFeed {
  const drafts: Draft[] = [];
  const message = deployment.status_message?.trim();
  if (message) {
    drafts.push({
      kind: 'deployment_status',
      classification: deploymentClassification(deployment.status),
      summary: message,
      status: deployment.status,
      at: deployment.updated_at,
      order: 2,
    });
  }
  for (const command of commands) {
    drafts.push({
      kind: 'command_queued',
      classification: 'info',
      summary: `${command.type} queued`,
      commandId: command.command_id,
      commandType: command.type,
      status: 'queued',
      at: command.created_at,
      order: 0,
    });
    const last = outcome(command);
    if (last) drafts.push(last);
  }
  drafts.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      a.order - b.order ||
      (a.commandId ?? '').localeCompare(b.commandId ?? '') ||
      a.summary.localeCompare(b.summary),
  );
  return {
    schemaVersion: TYPED_SCHEMA_VERSION,
    deploymentHash: deployment.deployment_hash,
    events: drafts.map(({ at, order: _order, ...event }, index) => ({
      sequence: index + 1,
      occurredAt: at.toISOString(),
      ...event,
    })),
  };
}
