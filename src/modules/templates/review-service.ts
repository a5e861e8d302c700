import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { conflict } from '../../infra/http/errors.js';
import { isUuid } from '../../infra/identifiers.js';
import type { TemplateStatus } from './column-values.js';
import { templateNotFound } from './errors.js';
import { writeMarketplaceEvent } from './events.js';
import { type AdminDecision, planDecision } from './lifecycle.js';
import { lockAnyTemplate } from './ownership.js';
import { findTemplateById, type TemplateChanges, updateTemplateRow } from './repository.js';
import { listReviewQueue } from './review-queue-query.js';
import { loadWithLatest, type TemplateDeps, type TemplateWithVersion } from './service.js';
import {
  findLatestVersion,
  insertReview,
  latestVersionsOf,
  listReviews,
  listVersions,
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

// The admins' side of the marketplace: the queue, the full detail, and the decisions.

export interface QueueItem extends TemplateWithVersion {
  /** A submitted template, or an approved one with a submitted version. */
  awaiting_review: boolean;
}

export async function reviewQueue(
  db: Kysely<Database>,
  filter: { status?: TemplateStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  const { rows, nextCursor } = await listReviewQueue(db, filter);
  const latest = await latestVersionsOf(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => {
    const version = latest.get(r.id);
    return {
      template: templateView(r),
      latest_version: version ? versionView(version) : null,
      awaiting_review: r.queue_rank === 0,
    };
  });
  return { items, nextCursor };
}

export interface ReviewDetail {
  template: TemplateView;
  versions: VersionView[];
  reviews: ReviewView[];
}

/** The template, every version with its review status (newest first), and the whole review history. */
export async function reviewDetail(db: Kysely<Database>, id: string): Promise<ReviewDetail> {
  const template = isUuid(id) ? await findTemplateById(db, id) : undefined;
  if (template === undefined) throw templateNotFound();
  const [versions, reviews] = await Promise.all([listVersions(db, id), listReviews(db, id)]);
  return {
    template: templateView(template),
    versions: versions.map((v) => versionView(v)),
    reviews: reviews.map(reviewView),
  };
}

/**
 * An admin decision, in one transaction under the template's row lock: two admins deciding at once
 * are applied one after the other, and the second one is judged against the state the first one left
 * (so an approve and a reject cannot both win; the loser gets 409 `invalid_transition`). The decision
 * is appended to the review history, and the marketplace event (if any) is written in the same commit.
 */
export async function decide(
  deps: TemplateDeps,
  reviewerUserId: string,
  id: string,
  decision: AdminDecision,
  reason: string | null,
): Promise<TemplateWithVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const t = await lockAnyTemplate(trx, id);
    const latest = await findLatestVersion(trx, t.id);
    const hasPendingVersion =
      t.status === 'approved' && latest !== undefined && latest.review_status === 'submitted';
    const plan = planDecision(t.status, decision, hasPendingVersion);
    if (plan.list && latest === undefined) {
      // Submitting needs a version, so only data written around the service could get here.
      throw conflict('definition_required', 'The template has no version to approve.');
    }
    const now = deps.clock.now();

    // The version concerned is the latest one: the submitted template's, or the pending new version.
    if (latest !== undefined) await setVersionReviewStatus(trx, latest.id, plan.versionStatus);
    const changes: TemplateChanges = { status: plan.status };
    if (plan.list && latest !== undefined) changes.approved_version_id = latest.id;
    if (plan.status === 'approved' && t.status !== 'approved') changes.approved_at = now;
    if (plan.status === 'submitted') changes.submitted_at = now;
    await updateTemplateRow(trx, t.id, changes, now);

    await insertReview(trx, {
      templateId: t.id,
      versionId: latest?.id ?? null,
      reviewerUserId,
      decision: plan.review,
      reason,
      now,
    });
    if (plan.event) await writeMarketplaceEvent(trx, deps.secretBox, t.id, plan.event, now);
    return loadWithLatest(trx, t.id);
  });
}
