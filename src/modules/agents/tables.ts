import type { Generated } from 'kysely';
import type { JsonDefault, Timestamp, TimestampDefault } from '../../infra/db/database.js';

export interface AgentTable {
  id: Generated<string>;
  deployment_hash: string;
  version: string | null;
  capabilities: JsonDefault<string[]>;
  system_info: JsonDefault<Record<string, unknown>>;
  token_ciphertext: Buffer;
  previous_token_ciphertext: Buffer | null;
  previous_token_expires_at: Timestamp | null;
  last_heartbeat: Timestamp | null;
  revoked_at: Timestamp | null;
  compose_url: string | null;
  compose_agent_id: string | null;
  compose_token_ciphertext: Buffer | null;
  compose_last_ok_at: Timestamp | null;
  compose_last_error: string | null;
  compose_last_error_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: TimestampDefault;
}

export interface AgentRequestSeenTable {
  agent_id: string;
  request_id: string;
  expires_at: Timestamp;
}

export interface AppStatusTable {
  deployment_hash: string;
  app_code: string;
  status: string;
  logs: JsonDefault<string[]>;
  reported_at: Timestamp;
}

export interface AgentTables {
  agent: AgentTable;
  agent_request_seen: AgentRequestSeenTable;
  app_status: AppStatusTable;
}
