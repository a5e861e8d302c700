import type { Generated } from 'kysely';
import type { TimestampDefault } from '../infra/db/database.js';

export interface CasbinRuleTable {
  id: Generated<number>;
  ptype: string;
  v0: Generated<string>;
  v1: Generated<string>;
  v2: Generated<string>;
  v3: Generated<string>;
  v4: Generated<string>;
  v5: Generated<string>;
}

export interface ServiceClientTable {
  id: Generated<number>;
  name: string;
  secret_ciphertext: Buffer;
  scopes: string[];
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: TimestampDefault;
}

export interface IdentityTables {
  casbin_rule: CasbinRuleTable;
  service_client: ServiceClientTable;
}
