import type { Generated } from 'kysely';
import type { Json, Timestamp, TimestampDefault } from '../db/database.js';

export type OutboxStatus = 'pending' | 'delivered' | 'dead' | 'discarded';

export interface OutboxTable {
  id: Generated<string>;
  topic: string;
  ordering_key: string;
  sequence: number | null;
  payload: Json<Record<string, unknown>>;
  secret_payload: Buffer | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: TimestampDefault;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_status: number | null;
  last_error: string | null;
  created_at: TimestampDefault;
  delivered_at: Timestamp | null;
}

export interface OutboxTables {
  outbox: OutboxTable;
}
