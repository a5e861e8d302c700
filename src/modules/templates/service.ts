import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../infra/clock.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { isUniqueViolation } from '../../infra/db/sqlstate.js';
import { resolveCategoryCode } from '../categories/index.js';
import { assertReviewable } from './definition.js';
import { applyEdit, applyVersion } from './edits.js';
import { SLUG_CONSTRAINT, slugTaken, VERSION_CONSTRAINT, versionExists } from './errors.js';
import { assertEditable, planSubmit } from './lifecycle.js';
import { findOwnTemplate, lockOwnTemplate } from './ownership.js';
import {
  findTemplateById,
  insertTemplate,
  lockTemplateBySlug,
  updateTemplateRow,
  upsertListing,
} from './repository.js';
import type { CreateTemplateInput, UpdateTemplateInput, VersionInput } from './schemas.js';
import {
  findLatestVersion,
  insertLatestVersion,
  insertReview,
  listReviews,
  setVersionReviewStatus,
} from './version-repository.js';
import {
  type ReviewView,
  reviewView,
  type TemplateView,
  templateView,
  type VersionView,
  versionView,
} from './views.js';

// The vendor's side of the marketplace. Each operation is one transaction that row-locks the template,
// checks ownership first (404), then the lifecycle (409), then the content (400/422).

export interface TemplateDeps {
  db: Kysely<Database>;
  secretBox: SecretBox;
  clock: Clock;
}

export interface Vendor {
  id: string;
  /** Shown to buyers and sent to the User Service as `vendor_name`. */
  name: string | null;
}

export interface TemplateWithVersion {
  template: TemplateView;
  latest_version: VersionView | null;
}

type Db = Kysely<Database> | Transaction<Database>;

export async function loadWithLatest(db: Db, id: string): Promise<TemplateWithVersion> {
  const template = await findTemplateById(db, id);
  if (template === undefined) throw new Error(`template ${id} not found after writing it`);
  const latest = await findLatestVersion(db, id);
  return { template: templateView(template), latest_version: latest ? versionView(latest) : null };
}

/** `undefined`: not given; `null`: cleared; else the category id (400 listing the known codes). */
async function categoryIdFor(trx: Transaction<Database>, code: string | null | undefined) {
  if (code === undefined || code === null) return code;
  return resolveCategoryCode(trx, code);
}

/**
 * Runs `work` in a transaction; a unique violation on the slug becomes `slug_taken`. With `retryOnSlug`
 * the first violation is retried once instead: it means a concurrent request created the slug between
 * our read and our insert, and the second attempt sees that row (the caller's own: update it; someone
 * else's: `slug_taken`).
 */
async function inTransaction<T>(
  deps: TemplateDeps,
  slug: string | undefined,
  work: (trx: Transaction<Database>) => Promise<T>,
  retryOnSlug = false,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.transaction().execute(work);
    } catch (err) {
      if (!isUniqueViolation(err, SLUG_CONSTRAINT)) throw err;
      if (!retryOnSlug || attempt > 0) throw slugTaken(slug ?? '');
    }
  }
}

/**
 * POST /api/templates: a new draft, or — when the caller already owns the slug (the CLI re-submits by
 * slug) — an update of that template (`created: false`), if it is editable.
 */
export async function createTemplate(
  deps: TemplateDeps,
  vendor: Vendor,
  input: CreateTemplateInput,
): Promise<{ created: boolean; result: TemplateWithVersion }> {
  const work = async (trx: Transaction<Database>) => {
    const categoryId = await categoryIdFor(trx, input.metadata.category_code);
    const existing = await lockTemplateBySlug(trx, input.slug);
    if (existing !== undefined) {
      if (existing.creator_user_id !== vendor.id) throw slugTaken(input.slug);
      assertEditable(existing.status);
      await applyEdit(trx, deps, existing, {
        metadata: { ...input.metadata, name: input.name },
        categoryId,
        listing: input.listing,
      });
      if (input.version) await applyVersion(trx, deps, vendor.id, existing, input.version, { resend: true });
      return { created: false, result: await loadWithLatest(trx, existing.id) };
    }
    const now = deps.clock.now();
    const m = input.metadata;
    const id = await insertTemplate(trx, {
      creatorUserId: vendor.id,
      creatorName: vendor.name,
      name: input.name,
      slug: input.slug,
      shortDescription: m.short_description ?? null,
      longDescription: m.long_description ?? null,
      categoryId: categoryId ?? null,
      tags: m.tags ?? [],
      techStack: m.tech_stack ?? {},
      requiredPlanName: m.required_plan_name ?? null,
      now,
    });
    if (input.listing) await upsertListing(trx, id, input.listing, now);
    if (input.version) {
      const { version, definition, changelog } = input.version;
      await insertLatestVersion(trx, {
        templateId: id,
        version,
        definition,
        changelog,
        reviewStatus: 'draft',
        now,
      });
    }
    return { created: true, result: await loadWithLatest(trx, id) };
  };
  return inTransaction(deps, input.slug, work, true);
}

/** PUT /api/templates/:id — metadata and listing; 409 while submitted. */
export async function updateTemplate(
  deps: TemplateDeps,
  vendor: Vendor,
  id: string,
  input: UpdateTemplateInput,
): Promise<TemplateWithVersion> {
  return inTransaction(deps, input.slug, async (trx) => {
    const t = await lockOwnTemplate(trx, vendor.id, id);
    assertEditable(t.status);
    const categoryId = await categoryIdFor(trx, input.metadata.category_code);
    await applyEdit(trx, deps, t, {
      slug: input.slug,
      metadata: input.metadata,
      categoryId,
      listing: input.listing,
    });
    return loadWithLatest(trx, t.id);
  });
}

/** POST /api/templates/:id/versions — a new latest version (409 `version_exists` for a used number). */
export async function addVersion(
  deps: TemplateDeps,
  vendor: Vendor,
  id: string,
  input: VersionInput,
): Promise<VersionView> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const t = await lockOwnTemplate(trx, vendor.id, id);
      return versionView(await applyVersion(trx, deps, vendor.id, t, input, { resend: false }));
    });
  } catch (err) {
    // Only reachable if the row lock were bypassed; kept so the contract's 409 holds regardless.
    if (isUniqueViolation(err, VERSION_CONSTRAINT)) throw versionExists(input.version);
    throw err;
  }
}

/** POST /api/templates/:id/submit — into review, with the latest version; same checks as every way in. */
export async function submitTemplate(
  deps: TemplateDeps,
  vendor: Vendor,
  id: string,
): Promise<TemplateWithVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const t = await lockOwnTemplate(trx, vendor.id, id);
    const status = planSubmit(t.status);
    const latest = await findLatestVersion(trx, t.id);
    assertReviewable(latest?.stack_definition, latest?.definition_format ?? 'yaml');
    const now = deps.clock.now();
    await updateTemplateRow(trx, t.id, { status, submitted_at: now }, now);
    await setVersionReviewStatus(trx, latest!.id, 'submitted');
    await insertReview(trx, {
      templateId: t.id,
      versionId: latest!.id,
      reviewerUserId: vendor.id,
      decision: 'submitted',
      reason: null,
      now,
    });
    return loadWithLatest(trx, t.id);
  });
}

/** GET /api/templates/:id/reviews — the history of the caller's own template. */
export async function listOwnReviews(deps: TemplateDeps, vendor: Vendor, id: string): Promise<ReviewView[]> {
  const t = await findOwnTemplate(deps.db, vendor.id, id);
  return (await listReviews(deps.db, t.id)).map(reviewView);
}
