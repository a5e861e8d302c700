import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import type { BillingCycle, TemplateStatus } from './column-values.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A template with its category code and listing, in one row. `bigint`-free on purpose: every counter
 * is int4, and the listing price (numeric) comes back as a string to convert where it is sent.
 */
export function templateQuery(db: Db) {
  return db
    .selectFrom('stack_template as t')
    .leftJoin('stack_category as c', 'c.id', 't.category_id')
    .leftJoin('template_listing as l', 'l.template_id', 't.id')
    .select([
      't.id',
      't.creator_user_id',
      't.creator_name',
      't.name',
      't.slug',
      't.short_description',
      't.long_description',
      't.category_id',
      'c.name as category_code',
      't.tags',
      't.tech_stack',
      't.status',
      't.approved_version_id',
      't.required_plan_name',
      't.user_service_product_id',
      't.event_sequence',
      't.view_count',
      't.deploy_count',
      't.created_at',
      't.updated_at',
      't.submitted_at',
      't.approved_at',
      'l.price as listing_price',
      'l.billing_cycle as listing_billing_cycle',
      'l.currency as listing_currency',
    ]);
}

export type TemplateRecord = Awaited<ReturnType<ReturnType<typeof templateQuery>['executeTakeFirstOrThrow']>>;

export async function findTemplateById(db: Db, id: string): Promise<TemplateRecord | undefined> {
  return templateQuery(db).where('t.id', '=', id).executeTakeFirst();
}

/**
 * Reads and row-locks a template for the rest of the transaction: decisions and edits on one template
 * run one after the other, and the second one sees the state the first one left.
 */
export async function lockTemplateById(trx: Transaction<Database>, id: string) {
  return templateQuery(trx).where('t.id', '=', id).forUpdate('t').executeTakeFirst();
}

export async function lockTemplateBySlug(trx: Transaction<Database>, slug: string) {
  return templateQuery(trx).where('t.slug', '=', slug).forUpdate('t').executeTakeFirst();
}

export interface NewTemplate {
  creatorUserId: string;
  creatorName: string | null;
  name: string;
  slug: string;
  shortDescription: string | null;
  longDescription: string | null;
  categoryId: number | null;
  tags: string[];
  techStack: Record<string, unknown>;
  requiredPlanName: string | null;
  now: Date;
}

export async function insertTemplate(trx: Transaction<Database>, v: NewTemplate): Promise<string> {
  const row = await trx
    .insertInto('stack_template')
    .values({
      creator_user_id: v.creatorUserId,
      creator_name: v.creatorName,
      name: v.name,
      slug: v.slug,
      short_description: v.shortDescription,
      long_description: v.longDescription,
      category_id: v.categoryId,
      // jsonb: node-postgres would send a JS array as a Postgres array, so JSON is sent as text.
      tags: JSON.stringify(v.tags),
      tech_stack: JSON.stringify(v.techStack),
      required_plan_name: v.requiredPlanName,
      created_at: v.now,
      updated_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TemplateChanges {
  name?: string;
  slug?: string;
  short_description?: string | null;
  long_description?: string | null;
  category_id?: number | null;
  tags?: string[];
  tech_stack?: Record<string, unknown>;
  required_plan_name?: string | null;
  status?: TemplateStatus;
  approved_version_id?: string | null;
  submitted_at?: Date | null;
  approved_at?: Date | null;
}

export async function updateTemplateRow(
  trx: Transaction<Database>,
  id: string,
  changes: TemplateChanges,
  now: Date,
): Promise<void> {
  const { tags, tech_stack, ...rest } = changes;
  await trx
    .updateTable('stack_template')
    .set({
      ...rest,
      ...(tags !== undefined ? { tags: JSON.stringify(tags) } : {}),
      ...(tech_stack !== undefined ? { tech_stack: JSON.stringify(tech_stack) } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** The template's next event sequence (the caller holds the row lock, so sequences never repeat). */
export async function nextEventSequence(trx: Transaction<Database>, id: string): Promise<number> {
  const row = await trx
    .updateTable('stack_template')
    .set({ event_sequence: sql`event_sequence + 1` })
    .where('id', '=', id)
    .returning('event_sequence')
    .executeTakeFirstOrThrow();
  return row.event_sequence;
}

export async function upsertListing(
  trx: Transaction<Database>,
  templateId: string,
  listing: { price: number; billing_cycle: BillingCycle; currency: string },
  now: Date,
): Promise<void> {
  // The price goes as text so numeric(12,2) gets exactly the decimal the vendor sent.
  const price = listing.price.toFixed(2);
  await trx
    .insertInto('template_listing')
    .values({
      template_id: templateId,
      price,
      billing_cycle: listing.billing_cycle,
      currency: listing.currency,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('template_id').doUpdateSet({
        price,
        billing_cycle: listing.billing_cycle,
        currency: listing.currency,
        updated_at: now,
      }),
    )
    .execute();
}

export async function incrementViewCount(db: Db, id: string): Promise<void> {
  await db
    .updateTable('stack_template')
    .set({ view_count: sql`view_count + 1` })
    .where('id', '=', id)
    .execute();
}

/** Category sync: a category the User Service now sends under another id takes over its templates. */
export async function reassignCategory(
  trx: Transaction<Database>,
  fromId: number,
  toId: number,
): Promise<number> {
  const result = await trx
    .updateTable('stack_template')
    .set({ category_id: toId })
    .where('category_id', '=', fromId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Links the template to its product; a no-op write when the link is already there. */
export async function recordTemplateProductId(db: Db, templateId: string, productId: string): Promise<void> {
  await db
    .updateTable('stack_template')
    .set({ user_service_product_id: productId })
    .where('id', '=', templateId)
    .where((eb) =>
      eb.or([eb('user_service_product_id', 'is', null), eb('user_service_product_id', '!=', productId)]),
    )
    .execute();
}
