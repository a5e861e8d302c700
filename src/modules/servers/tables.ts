import type { Generated } from 'kysely';
import type { TimestampDefault } from '../../infra/db/database.js';

export type ConnectionMode = 'ssh' | 'password' | 'status_panel';
export type KeyStatus = 'none' | 'pending' | 'active' | 'failed';

/** A machine a project is deployed to; the private key is a secret box ciphertext. */
export interface ServerTable {
  id: Generated<number>;
  user_id: string;
  project_id: number;
  cloud_id: number | null;
  region: string | null;
  zone: string | null;
  server: string | null;
  os: string | null;
  disk_type: string | null;
  srv_ip: string | null;
  ssh_port: number | null;
  ssh_user: string | null;
  name: string | null;
  connection_mode: Generated<ConnectionMode>;
  key_status: Generated<KeyStatus>;
  vault_key_path: string | null;
  public_key: string | null;
  private_key_ciphertext: Buffer | null;
  host_key: string | null;
  created_at: Generated<Date>;
  updated_at: TimestampDefault;
}

export interface ServerTables {
  server: ServerTable;
}
