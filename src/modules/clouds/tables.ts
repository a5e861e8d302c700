import type { Generated } from 'kysely';
import type { TimestampDefault } from '../../infra/db/database.js';

/** Saved provider credentials; each credential is a secret box ciphertext (clouds-servers.md). */
export interface CloudTable {
  id: Generated<number>;
  user_id: string;
  name: Generated<string>;
  provider: string;
  cloud_token: Buffer | null;
  cloud_key: Buffer | null;
  cloud_secret: Buffer | null;
  save_token: boolean | null;
  created_at: Generated<Date>;
  updated_at: TimestampDefault;
}

export interface CloudTables {
  cloud: CloudTable;
}
