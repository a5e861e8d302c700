import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../infra/db/database.js';

export interface StackCategoryTable {
  id: number;
  name: string;
  title: string | null;
  metadata: Generated<Json<Record<string, unknown>>>;
  synced_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Timestamp>;
}

export interface CategoryTables {
  stack_category: StackCategoryTable;
}
