import type { ColumnType, Generated } from 'kysely';
import type { Json, JsonDefault, Timestamp, TimestampDefault } from '../../infra/db/database.js';

export type TemplateStatus = 'draft' | 'submitted' | 'needs_changes' | 'approved' | 'rejected';
export type VersionReviewStatus = 'draft' | 'submitted' | 'approved' | 'rejected';
export type ReviewDecision = 'submitted' | 'approved' | 'rejected' | 'needs_changes' | 'unapproved';
export type BillingCycle = 'free' | 'one_time' | 'monthly';

export interface StackTemplateTable {
  id: Generated<string>;
  creator_user_id: string;
  creator_name: string | null;
  name: string;
  slug: string;
  short_description: string | null;
  long_description: string | null;
  category_id: number | null;
  tags: JsonDefault<string[]>;
  tech_stack: JsonDefault<Record<string, unknown>>;
  status: Generated<TemplateStatus>;
  approved_version_id: string | null;
  required_plan_name: string | null;
  user_service_product_id: string | null;
  event_sequence: Generated<number>;
  view_count: Generated<number>;
  deploy_count: Generated<number>;
  created_at: Generated<Date>;
  updated_at: TimestampDefault;
  submitted_at: Timestamp | null;
  approved_at: Timestamp | null;
  /** Generated (migration 0007): lower-cased name, slug, descriptions and tags, for the catalog's `q`. */
  search_text: ColumnType<string, never, never>;
}

export interface TemplateListingTable {
  template_id: string;
  /** numeric(12,2): node-postgres returns it as a string; convert on purpose. */
  price: ColumnType<string, string | number | undefined, string | number>;
  billing_cycle: Generated<BillingCycle>;
  currency: Generated<string>;
  updated_at: TimestampDefault;
}

export interface StackTemplateVersionTable {
  id: Generated<string>;
  template_id: string;
  version: string;
  /** A YAML definition is stored as a JSON string; a JSON one as the object. */
  stack_definition: Json<unknown>;
  definition_format: Generated<'yaml' | 'json'>;
  changelog: string | null;
  review_status: Generated<VersionReviewStatus>;
  is_latest: boolean;
  created_at: Generated<Date>;
}

export interface StackTemplateReviewTable {
  id: Generated<string>;
  template_id: string;
  version_id: string | null;
  reviewer_user_id: string | null;
  decision: ReviewDecision;
  review_reason: string | null;
  created_at: Generated<Date>;
}

export interface TemplateTables {
  stack_template: StackTemplateTable;
  template_listing: TemplateListingTable;
  stack_template_version: StackTemplateVersionTable;
  stack_template_review: StackTemplateReviewTable;
}
