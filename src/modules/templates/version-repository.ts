import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import type { StackTemplateReview, StackTemplateVersion } from '../../infra/db/schema.js';
import type { ReviewDecision, VersionReviewStatus } from './column-values.js';
import type { Definition } from './definition.js';

type Db = Kysely<Database> | Transaction<Database>;
export type VersionRow = Selectable<StackTemplateVersion>;
export type ReviewRow = Selectable<StackTemplateReview>;

export async function findVersionById(db: Db, id: string): Promise<VersionRow | undefined> {
  return db.selectFrom('stack_template_version').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLatestVersion(db: Db, templateId: string): Promise<VersionRow | undefined> {
  return db
    .selectFrom('stack_template_version')
    .selectAll()
    .where('template_id', '=', templateId)
    .where('is_latest', '=', true)
    .executeTakeFirst();
}

export async function findVersionByNumber(
  db: Db,
  templateId: string,
  version: string,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('stack_template_version')
    .selectAll()
    .where('template_id', '=', templateId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The latest version of each template, keyed by template id. */
export async function latestVersionsOf(db: Db, templateIds: string[]): Promise<Map<string, VersionRow>> {
  if (templateIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('stack_template_version')
    .selectAll()
    .where('template_id', 'in', templateIds)
    .where('is_latest', '=', true)
    .execute();
  return new Map(rows.map((r) => [r.template_id, r]));
}

export async function listVersions(db: Db, templateId: string): Promise<VersionRow[]> {
  return db
    .selectFrom('stack_template_version')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * `now`, or just after the template's last row in `table` when the clock has not moved since (a test
 * clock, two writes in one millisecond): history then sorts by `created_at` in the order it happened.
 * Writers hold the template's row lock, so two of them never compute the same instant.
 */
function afterLast(table: 'stack_template_version' | 'stack_template_review', templateId: string, now: Date) {
  return sql<Date>`greatest(${now}::timestamptz, (select max(created_at) + interval '1 microsecond' from ${sql.table(table)} where template_id = ${templateId}))`;
}

/** A YAML definition is stored as a JSON string, a JSON one as the object. */
const definitionColumn = (d: Definition) => JSON.stringify(d.value);

/** Inserts the new latest version; the previous latest one stops being latest first (partial unique index). */
export async function insertLatestVersion(
  trx: Transaction<Database>,
  v: {
    templateId: string;
    version: string;
    definition: Definition;
    changelog: string | null;
    reviewStatus: VersionReviewStatus;
    now: Date;
  },
): Promise<VersionRow> {
  await trx
    .updateTable('stack_template_version')
    .set({ is_latest: false })
    .where('template_id', '=', v.templateId)
    .where('is_latest', '=', true)
    .execute();
  return trx
    .insertInto('stack_template_version')
    .values({
      template_id: v.templateId,
      version: v.version,
      stack_definition: definitionColumn(v.definition),
      definition_format: v.definition.format,
      changelog: v.changelog,
      review_status: v.reviewStatus,
      is_latest: true,
      created_at: afterLast('stack_template_version', v.templateId, v.now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Replaces the definition of a version that was never approved (a vendor re-sending the same version). */
export async function rewriteVersion(
  trx: Transaction<Database>,
  id: string,
  v: { definition: Definition; changelog: string | null; reviewStatus: VersionReviewStatus },
): Promise<VersionRow> {
  return trx
    .updateTable('stack_template_version')
    .set({
      stack_definition: definitionColumn(v.definition),
      definition_format: v.definition.format,
      changelog: v.changelog,
      review_status: v.reviewStatus,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setVersionReviewStatus(
  trx: Transaction<Database>,
  id: string,
  status: VersionReviewStatus,
): Promise<void> {
  await trx
    .updateTable('stack_template_version')
    .set({ review_status: status })
    .where('id', '=', id)
    .execute();
}

/** Older versions still waiting for review are superseded by a newer one: they go back to draft. */
export async function withdrawSubmittedVersions(
  trx: Transaction<Database>,
  templateId: string,
  exceptId: string,
): Promise<void> {
  await trx
    .updateTable('stack_template_version')
    .set({ review_status: 'draft' })
    .where('template_id', '=', templateId)
    .where('review_status', '=', 'submitted')
    .where('id', '!=', exceptId)
    .execute();
}

export async function insertReview(
  trx: Transaction<Database>,
  v: {
    templateId: string;
    versionId: string | null;
    reviewerUserId: string;
    decision: ReviewDecision;
    reason: string | null;
    now: Date;
  },
): Promise<ReviewRow> {
  return trx
    .insertInto('stack_template_review')
    .values({
      template_id: v.templateId,
      version_id: v.versionId,
      reviewer_user_id: v.reviewerUserId,
      decision: v.decision,
      review_reason: v.reason,
      created_at: afterLast('stack_template_review', v.templateId, v.now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Append-only history, oldest first (the order it happened in). */
export async function listReviews(db: Db, templateId: string): Promise<ReviewRow[]> {
  return db
    .selectFrom('stack_template_review')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
