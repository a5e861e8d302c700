import { isDeepStrictEqual } from 'node:util';
import type { Transaction } from 'kysely';
import type { Clock } from '../../infra/clock.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { assertReviewable } from './definition.js';
import { versionExists } from './errors.js';
import { writeMarketplaceEvent } from './events.js';
import { assertEditable, isListed } from './lifecycle.js';
import { type TemplateChanges, type TemplateRecord, updateTemplateRow, upsertListing } from './repository.js';
import type { ListingInput, MetadataInput, VersionInput } from './schemas.js';
import {
  findVersionByNumber,
  insertLatestVersion,
  insertReview,
  rewriteVersion,
  type VersionRow,
  withdrawSubmittedVersions,
} from './version-repository.js';

// The changes a vendor makes to a template they own, inside the caller's transaction and row lock.

export interface EditDeps {
  secretBox: SecretBox;
  clock: Clock;
}

export interface TemplateEdit {
  slug?: string | undefined;
  metadata: MetadataInput;
  /** `undefined`: unchanged; `null`: no category. */
  categoryId: number | null | undefined;
  listing?: ListingInput | undefined;
}

function metadataChanges(t: TemplateRecord, edit: TemplateEdit): TemplateChanges {
  const m = edit.metadata;
  const changes: TemplateChanges = {};
  if (edit.slug !== undefined && edit.slug !== t.slug) changes.slug = edit.slug;
  if (m.name !== undefined && m.name !== t.name) changes.name = m.name;
  if (m.short_description !== undefined && m.short_description !== t.short_description)
    changes.short_description = m.short_description;
  if (m.long_description !== undefined && m.long_description !== t.long_description)
    changes.long_description = m.long_description;
  if (m.required_plan_name !== undefined && m.required_plan_name !== t.required_plan_name)
    changes.required_plan_name = m.required_plan_name;
  if (edit.categoryId !== undefined && edit.categoryId !== t.category_id)
    changes.category_id = edit.categoryId;
  if (m.tags !== undefined && !isDeepStrictEqual(m.tags, t.tags)) changes.tags = m.tags;
  if (m.tech_stack !== undefined && !isDeepStrictEqual(m.tech_stack, t.tech_stack))
    changes.tech_stack = m.tech_stack;
  return changes;
}

const sameListing = (t: TemplateRecord, l: ListingInput) =>
  t.listing_price !== null &&
  Number(t.listing_price) === l.price &&
  t.listing_billing_cycle === l.billing_cycle &&
  t.listing_currency?.trim() === l.currency;

/**
 * Edits metadata and listing. An edit of a listed template is live at once and sends
 * `template_updated`; an edit that changes nothing sends nothing. Returns whether anything changed.
 */
export async function applyEdit(
  trx: Transaction<Database>,
  deps: EditDeps,
  t: TemplateRecord,
  edit: TemplateEdit,
): Promise<boolean> {
  assertEditable(t.status);
  const changes = metadataChanges(t, edit);
  const listingChanged = edit.listing !== undefined && !sameListing(t, edit.listing);
  const now = deps.clock.now();
  const changed = Object.keys(changes).length > 0 || listingChanged;
  if (Object.keys(changes).length > 0) await updateTemplateRow(trx, t.id, changes, now);
  if (listingChanged && edit.listing) await upsertListing(trx, t.id, edit.listing, now);
  if (changed && isListed(t.status)) {
    await writeMarketplaceEvent(trx, deps.secretBox, t.id, 'template_updated', now);
  }
  return changed;
}

const sameDefinition = (v: VersionRow, input: VersionInput) =>
  v.definition_format === input.definition.format &&
  isDeepStrictEqual(v.stack_definition, input.definition.value) &&
  v.changelog === input.changelog;

/**
 * Adds a version (it becomes the latest). Before the first approval it is simply the draft's definition;
 * on an approved template it goes to review on its own — same checks as a submit — while the approved
 * version stays listed. `resend` (the CLI re-sending a slug) accepts an existing version number: an
 * identical one changes nothing, and the latest one, if never approved, is rewritten in place.
 */
export async function applyVersion(
  trx: Transaction<Database>,
  deps: EditDeps,
  reviewerUserId: string,
  t: TemplateRecord,
  input: VersionInput,
  options: { resend: boolean },
): Promise<VersionRow> {
  assertEditable(t.status);
  const existing = await findVersionByNumber(trx, t.id, input.version);
  if (existing !== undefined && options.resend && sameDefinition(existing, input)) return existing;
  if (
    existing !== undefined &&
    (!options.resend || existing.review_status === 'approved' || !existing.is_latest)
  ) {
    throw versionExists(input.version);
  }
  const reviewing = isListed(t.status);
  if (reviewing) assertReviewable(input.definition.value, input.definition.format);
  const now = deps.clock.now();
  const fields = { definition: input.definition, changelog: input.changelog };
  const reviewStatus = reviewing ? 'submitted' : 'draft';
  const version =
    existing !== undefined
      ? await rewriteVersion(trx, existing.id, { ...fields, reviewStatus })
      : await insertLatestVersion(trx, {
          ...fields,
          templateId: t.id,
          version: input.version,
          reviewStatus,
          now,
        });
  await updateTemplateRow(trx, t.id, {}, now);
  if (reviewing) {
    await withdrawSubmittedVersions(trx, t.id, version.id);
    await insertReview(trx, {
      templateId: t.id,
      versionId: version.id,
      reviewerUserId,
      decision: 'submitted',
      reason: null,
      now,
    });
  }
  return version;
}
