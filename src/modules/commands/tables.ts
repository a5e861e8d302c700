import type { ColumnType, Generated } from 'kysely';
import type { Json, JsonDefault, Timestamp, TimestampDefault } from '../../infra/db/database.js';

export type CommandStatus = 'queued' | 'sent' | 'completed' | 'failed' | 'cancelled';

export interface CommandTable {
  id: Generated<string>;
  command_id: string;
  deployment_hash: string;
  type: string;
  app_code: string | null;
  status: CommandStatus;
  /** 0 low … 3 critical. */
  priority: Generated<number>;
  parameters: JsonDefault<Record<string, unknown>>;
  secret_parameters: Buffer | null;
  result: Json<unknown> | null;
  error: Json<unknown> | null;
  metadata: JsonDefault<Record<string, unknown>>;
  created_by: string;
  attempts: Generated<number>;
  timeout_seconds: Generated<number>;
  /** bigint: node-postgres returns it as a string; the feeds convert on purpose. */
  change_seq: ColumnType<string, never, never>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  sent_at: Timestamp | null;
  lease_expires_at: Timestamp | null;
  completed_at: Timestamp | null;
}

export interface CommandTables {
  command: CommandTable;
}
