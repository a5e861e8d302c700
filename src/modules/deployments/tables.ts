import type { Generated } from 'kysely';
import type { Json, JsonDefault, TimestampDefault } from '../../infra/db/database.js';

export interface ProjectTable {
  id: Generated<number>;
  user_id: string;
  name: string;
  template_id: string | null;
  template_version: string | null;
  stack_definition: Json<unknown> | null;
  metadata: JsonDefault<Record<string, unknown>>;
  stack_id: Generated<string>;
  request_json: JsonDefault<unknown>;
  created_at: Generated<Date>;
  updated_at: TimestampDefault;
}

export interface DeploymentTable {
  id: Generated<number>;
  project_id: number | null;
  user_id: string;
  deployment_hash: string;
  status: Generated<string>;
  status_message: string | null;
  server_ip: string | null;
  secrets: Buffer | null;
  metadata: JsonDefault<Record<string, unknown>>;
  runtime: Generated<string>;
  created_at: Generated<Date>;
  updated_at: TimestampDefault;
}

export interface DeploymentTables {
  project: ProjectTable;
  deployment: DeploymentTable;
}
