import type { ColumnType, Generated } from 'kysely';
import type { IdentityTables } from '../../auth/tables.js';
import type { AgentTables } from '../../modules/agents/tables.js';
import type { CategoryTables } from '../../modules/categories/tables.js';
import type { CloudTables } from '../../modules/clouds/tables.js';
import type { CommandTables } from '../../modules/commands/tables.js';
import type { DeploymentTables } from '../../modules/deployments/tables.js';
import type { ProjectTables } from '../../modules/projects/tables.js';
import type { ServerTables } from '../../modules/servers/tables.js';
import type { TemplateTables } from '../../modules/templates/tables.js';
import type { OutboxTables } from '../outbox/tables.js';

/**
 * The Kysely view of the schema. Each feature declares its own tables next to its repository
 * (`src/modules/<feature>/tables.ts`) and they are joined here.
 */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T = unknown> = ColumnType<T, string | T, string | T>;
/** A jsonb column with a default: optional on insert. (Generated<Json<T>> does not compose in Kysely.) */
export type JsonDefault<T = unknown> = ColumnType<T, string | T | undefined, string | T>;
/** A timestamptz column with a default: optional on insert. */
export type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AuditLogTable {
  id: Generated<string>;
  actor_type: string | null;
  actor_id: string | null;
  action: string;
  deployment_hash: string | null;
  target: string | null;
  outcome: string | null;
  details: Json<Record<string, unknown>>;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  route: string;
  reply: Json<unknown>;
  status: number;
  expires_at: Timestamp;
  created_at: Generated<Date>;
}

export interface FoundationTables {
  audit_log: AuditLogTable;
  idempotency_key: IdempotencyKeyTable;
}

export interface Database
  extends FoundationTables,
    IdentityTables,
    CategoryTables,
    TemplateTables,
    OutboxTables,
    DeploymentTables,
    AgentTables,
    CommandTables,
    ProjectTables,
    CloudTables,
    ServerTables {}
