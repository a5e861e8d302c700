import type { Generated } from 'kysely';
import type { JsonDefault, Timestamp, TimestampDefault } from '../../infra/db/database.js';

export interface StackCategoryTable {
  id: number;
  name: string;
  title: string | null;
  metadata: JsonDefault<Record<string, unknown>>;
  synced_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: TimestampDefault;
}

export interface CategoryTables {
  stack_category: StackCategoryTable;
}
