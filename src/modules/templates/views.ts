import { z } from 'zod';
import type { TemplateRecord } from './repository.js';
import { redactDefinitionForPublic } from './secret-scan.js';
import type { ReviewRow, VersionRow } from './version-repository.js';

// What templates look like on the wire. Ids are UUID strings (the CLI parses them strictly), counters
// are numbers, the listing price is converted from numeric on purpose, timestamps are RFC 3339 UTC.

const timestamp = z.string();

export const listingSchema = z.object({
  price: z.number(),
  billing_cycle: z.enum(['free', 'one_time', 'monthly']),
  currency: z.string(),
});

export const templateSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  short_description: z.string().nullable(),
  long_description: z.string().nullable(),
  category_code: z.string().nullable(),
  tags: z.array(z.string()),
  tech_stack: z.record(z.string(), z.unknown()),
  status: z.enum(['draft', 'submitted', 'needs_changes', 'approved', 'rejected']),
  approved_version_id: z.uuid().nullable(),
  required_plan_name: z.string().nullable(),
  creator_user_id: z.string(),
  creator_name: z.string().nullable(),
  view_count: z.number().int(),
  deploy_count: z.number().int(),
  listing: listingSchema.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
  submitted_at: timestamp.nullable(),
  approved_at: timestamp.nullable(),
});
export type TemplateView = z.infer<typeof templateSchema>;

export const versionSchema = z.object({
  id: z.uuid(),
  template_id: z.uuid(),
  version: z.string(),
  /** A YAML text or a JSON object. */
  stack_definition: z.unknown(),
  definition_format: z.enum(['yaml', 'json']),
  changelog: z.string().nullable(),
  review_status: z.enum(['draft', 'submitted', 'approved', 'rejected']),
  is_latest: z.boolean(),
  created_at: timestamp,
});
export type VersionView = z.infer<typeof versionSchema>;

export const reviewSchema = z.object({
  id: z.uuid(),
  template_id: z.uuid(),
  version_id: z.uuid().nullable(),
  reviewer_user_id: z.string().nullable(),
  decision: z.enum(['submitted', 'approved', 'rejected', 'needs_changes', 'unapproved']),
  review_reason: z.string().nullable(),
  created_at: timestamp,
});
export type ReviewView = z.infer<typeof reviewSchema>;

/** A template with one version: the public detail (approved version) or the vendor's view (latest). */
export const templateWithVersionSchema = z.object({
  template: templateSchema,
  latest_version: versionSchema.nullable(),
});

export const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : iso(d));

export function templateView(t: TemplateRecord): TemplateView {
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    short_description: t.short_description,
    long_description: t.long_description,
    category_code: t.category_code,
    tags: t.tags,
    tech_stack: t.tech_stack,
    status: t.status,
    approved_version_id: t.approved_version_id,
    required_plan_name: t.required_plan_name,
    creator_user_id: t.creator_user_id,
    creator_name: t.creator_name,
    view_count: t.view_count,
    deploy_count: t.deploy_count,
    listing:
      t.listing_price === null
        ? null
        : {
            price: Number(t.listing_price),
            billing_cycle: t.listing_billing_cycle ?? 'free',
            currency: (t.listing_currency ?? 'USD').trim(),
          },
    created_at: iso(t.created_at),
    updated_at: iso(t.updated_at),
    submitted_at: isoOrNull(t.submitted_at),
    approved_at: isoOrNull(t.approved_at),
  };
}

/** `redact`: the public sees secret-looking values as `***REDACTED***`; the vendor and admins do not. */
export function versionView(v: VersionRow, options: { redact?: boolean } = {}): VersionView {
  return {
    id: v.id,
    template_id: v.template_id,
    version: v.version,
    stack_definition: options.redact
      ? redactDefinitionForPublic(v.stack_definition, v.definition_format)
      : v.stack_definition,
    definition_format: v.definition_format,
    changelog: v.changelog,
    review_status: v.review_status,
    is_latest: v.is_latest,
    created_at: iso(v.created_at),
  };
}

export function reviewView(r: ReviewRow): ReviewView {
  return {
    id: r.id,
    template_id: r.template_id,
    version_id: r.version_id,
    reviewer_user_id: r.reviewer_user_id,
    decision: r.decision,
    review_reason: r.review_reason,
    created_at: iso(r.created_at),
  };
}
