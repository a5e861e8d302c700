import { z } from 'zod';
import { paginationQuery } from '../../infra/http/envelope.js';
import { CATALOG_SORTS } from './catalog-query.js';
import type { BillingCycle } from './column-values.js';
import { type Definition, normaliseDefinition } from './definition.js';
import {
  categoryCodeField,
  changelogField,
  clearableText,
  currencyField,
  definitionField,
  definitionFormatField,
  listingField,
  nameField,
  optional,
  planNameField,
  planTypeField,
  priceField,
  reasonField,
  slugField,
  tagsField,
  techStackField,
  versionField,
} from './fields.js';

// Request bodies of the vendor and admin routes. Cross-field rules run in transforms (which only run
// once every field is valid) and report the field they are about, so every 400 names a field.

export interface MetadataInput {
  name?: string;
  short_description?: string | null;
  long_description?: string | null;
  category_code?: string | null;
  tags?: string[];
  tech_stack?: Record<string, unknown>;
  required_plan_name?: string | null;
}

export interface ListingInput {
  price: number;
  billing_cycle: BillingCycle;
  currency: string;
}

export interface VersionInput {
  version: string;
  definition: Definition;
  changelog: string | null;
}

const DEFAULT_VERSION = '1.0.0';
const DEFAULT_CURRENCY = 'USD';

const metadataShape = {
  name: optional(nameField),
  short_description: clearableText(500),
  long_description: clearableText(20_000),
  category_code: categoryCodeField,
  tags: optional(tagsField),
  tech_stack: optional(techStackField),
  required_plan_name: planNameField,
  listing: optional(listingField),
  plan_type: optional(planTypeField),
  price: optional(priceField),
  currency: optional(currencyField),
};

const definitionShape = {
  version: optional(versionField),
  stack_definition: optional(definitionField),
  definition_format: optional(definitionFormatField),
  changelog: changelogField,
};

type Ctx = z.RefinementCtx;
type MetadataFields = z.output<z.ZodObject<typeof metadataShape>>;
type DefinitionFields = z.output<z.ZodObject<typeof definitionShape>>;

const METADATA_KEYS = [
  'name',
  'short_description',
  'long_description',
  'category_code',
  'tags',
  'tech_stack',
  'required_plan_name',
] as const;

/** The metadata fields that were given (`undefined` ones are "unchanged" and left out). */
function pickMetadata(v: MetadataFields): MetadataInput {
  const picked: Record<string, unknown> = {};
  for (const key of METADATA_KEYS) if (v[key] !== undefined) picked[key] = v[key];
  return picked as MetadataInput;
}

/** The listing from `listing` or from the CLI's flat `plan_type`/`price`/`currency`; free ⇔ price 0. */
function readListing(v: MetadataFields, ctx: Ctx): ListingInput | undefined {
  const flat = v.plan_type !== undefined || v.price !== undefined || v.currency !== undefined;
  if (v.listing !== undefined && flat) {
    ctx.addIssue({
      code: 'custom',
      path: ['listing'],
      message: 'give either listing or the flat plan_type/price/currency, not both',
    });
    return undefined;
  }
  let listing: ListingInput;
  let prefix: string[];
  if (v.listing !== undefined) {
    listing = { ...v.listing, currency: v.listing.currency ?? DEFAULT_CURRENCY };
    prefix = ['listing'];
  } else if (flat) {
    const price = v.price ?? 0;
    if (v.plan_type === undefined && price > 0) {
      ctx.addIssue({ code: 'custom', path: ['plan_type'], message: 'is required with a price above 0' });
      return undefined;
    }
    const cycle = v.plan_type === 'subscription' ? 'monthly' : (v.plan_type ?? 'free');
    listing = { price, billing_cycle: cycle, currency: v.currency ?? DEFAULT_CURRENCY };
    prefix = [];
  } else {
    return undefined;
  }
  if (listing.billing_cycle === 'free' && listing.price > 0) {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'price'], message: 'must be 0 for a free listing' });
  } else if (listing.billing_cycle !== 'free' && listing.price === 0) {
    ctx.addIssue({
      code: 'custom',
      path: [...prefix, 'price'],
      message: 'must be above 0 for a paid listing',
    });
  }
  return listing;
}

function readVersion(v: DefinitionFields, ctx: Ctx): VersionInput | undefined {
  if (v.stack_definition === undefined) {
    if (v.version !== undefined || v.definition_format !== undefined || v.changelog !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['stack_definition'], message: 'is required with a version' });
    }
    return undefined;
  }
  const read = normaliseDefinition(v.stack_definition, v.definition_format);
  if (!read.ok) {
    ctx.addIssue({ code: 'custom', path: ['stack_definition'], message: read.message });
    return undefined;
  }
  return {
    version: v.version ?? DEFAULT_VERSION,
    definition: read.definition,
    changelog: v.changelog ?? null,
  };
}

export const createTemplateBody = z
  .object({ ...metadataShape, ...definitionShape, name: nameField, slug: slugField })
  .transform((v, ctx) => {
    const listing = readListing(v, ctx);
    const version = readVersion(v, ctx);
    return { slug: v.slug, name: v.name, metadata: pickMetadata(v), listing, version };
  });
export type CreateTemplateInput = z.output<typeof createTemplateBody>;

export const updateTemplateBody = z
  .object({ ...metadataShape, slug: optional(slugField) })
  .transform((v, ctx) => {
    const { slug, ...rest } = v;
    return { slug, metadata: pickMetadata(rest), listing: readListing(rest, ctx) };
  });
export type UpdateTemplateInput = z.output<typeof updateTemplateBody>;

export const addVersionBody = z
  .object({
    version: versionField,
    stack_definition: definitionField,
    definition_format: optional(definitionFormatField),
    changelog: changelogField,
  })
  .transform((v, ctx) => readVersion(v, ctx) as VersionInput);

export const submitBody = z.object({
  confirm_no_secrets: z.literal(true, {
    error: 'must be true: confirm that the stack definition holds no literal secrets',
  }),
});

/** `reason` optional (approve, unapprove) or required (reject, needs-changes). */
export const optionalReasonBody = z.object({ reason: optional(reasonField) }).nullish();
export const requiredReasonBody = z.object({ reason: reasonField });

export const templateIdParams = z.object({ id: z.string().max(100) });
export const slugParams = z.object({ slug: z.string().max(200) });

export const catalogQuery = paginationQuery.extend({
  q: z.string().trim().max(200).optional(),
  category: z.string().trim().max(100).optional(),
  tag: z.string().trim().max(50).optional(),
  sort: z.enum(CATALOG_SORTS).default('recent'),
});

export const reviewQueueQuery = paginationQuery.extend({
  status: z.enum(['draft', 'submitted', 'needs_changes', 'approved', 'rejected']).optional(),
});
