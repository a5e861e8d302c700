import type { Selectable } from 'kysely';
import type {
  StackTemplate,
  StackTemplateReview,
  StackTemplateVersion,
  TemplateListing,
} from '../../infra/db/schema.js';

// The value sets of the templates' status columns, read from the generated schema (whose overrides
// carry the migrations' CHECK lists), so no second list is written here.

export type TemplateStatus = Selectable<StackTemplate>['status'];
export type VersionReviewStatus = Selectable<StackTemplateVersion>['review_status'];
export type ReviewDecision = Selectable<StackTemplateReview>['decision'];
export type BillingCycle = Selectable<TemplateListing>['billing_cycle'];
