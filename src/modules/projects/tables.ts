import type { Generated } from 'kysely';
import type { JsonDefault, Timestamp, TimestampDefault } from '../../infra/db/database.js';

export interface ProjectAppTable {
  id: Generated<number>;
  project_id: number;
  deployment_id: number | null;
  code: string;
  name: string;
  image: string;
  environment: JsonDefault<unknown>;
  ports: JsonDefault<unknown>;
  volumes: JsonDefault<unknown>;
  domain: string | null;
  ssl_enabled: Generated<boolean>;
  resources: JsonDefault<unknown>;
  restart_policy: Generated<string>;
  command: string | null;
  entrypoint: string | null;
  networks: JsonDefault<unknown>;
  depends_on: JsonDefault<unknown>;
  healthcheck: JsonDefault<unknown>;
  labels: JsonDefault<unknown>;
  config_files: JsonDefault<unknown>;
  template_source: string | null;
  enabled: Generated<boolean>;
  deploy_order: number | null;
  parent_app_code: string | null;
  config_version: Generated<number>;
  vault_synced_at: Timestamp | null;
  vault_sync_version: number | null;
  config_hash: string | null;
  created_at: Generated<Date>;
  updated_at: TimestampDefault;
}

export interface ProjectAppConfigTable {
  deployment_id: number;
  app_code: string;
  config_ciphertext: Buffer;
  updated_at: TimestampDefault;
}

/** Service and server secrets (upstream: Vault); the value is a secret box ciphertext, never returned. */
export interface RemoteSecretTable {
  id: Generated<number>;
  user_id: string;
  scope: 'service' | 'server';
  project_id: number | null;
  app_code: string | null;
  server_id: number | null;
  name: string;
  value_ciphertext: Buffer;
  vault_path: string | null;
  updated_by: string;
  last_sync_status: string | null;
  created_at: Generated<Date>;
  updated_at: TimestampDefault;
}

export interface ProjectTables {
  project_app: ProjectAppTable;
  project_app_config: ProjectAppConfigTable;
  remote_secret: RemoteSecretTable;
}
