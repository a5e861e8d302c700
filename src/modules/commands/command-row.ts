import type { Selectable } from 'kysely';
import type { Command } from '../../infra/db/schema.js';

/** The command status values (the generated schema carries the migration's CHECK list). */
export type CommandStatus = Selectable<Command>['status'];

/** A `command` row as the repositories return it (jsonb parsed, bigint change_seq as a string). */
export interface CommandRow {
  id: string;
  command_id: string;
  deployment_hash: string;
  type: string;
  app_code: string | null;
  status: CommandStatus;
  priority: number;
  parameters: Record<string, unknown>;
  secret_parameters: Buffer | null;
  result: unknown;
  error: unknown;
  metadata: Record<string, unknown>;
  created_by: string;
  attempts: number;
  timeout_seconds: number;
  change_seq: string;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  lease_expires_at: Date | null;
  completed_at: Date | null;
}

export const COMMAND_COLUMNS = [
  'id',
  'command_id',
  'deployment_hash',
  'type',
  'app_code',
  'status',
  'priority',
  'parameters',
  'secret_parameters',
  'result',
  'error',
  'metadata',
  'created_by',
  'attempts',
  'timeout_seconds',
  'change_seq',
  'created_at',
  'updated_at',
  'sent_at',
  'lease_expires_at',
  'completed_at',
] as const;

export const FINISHED_STATUSES: readonly CommandStatus[] = ['completed', 'failed', 'cancelled'];

/** The error object Stacker itself writes (`agent_timeout`, `expired`, `invalid_result`, ...). */
export interface CommandError {
  code: string;
  message: string;
  [key: string]: unknown;
}
