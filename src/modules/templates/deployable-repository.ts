import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { type TemplateRecord, templateQuery } from './repository.js';

// The deployments feature's reads of the marketplace: one template by id or slug, and the deploy counter.

type Db = Kysely<Database> | Transaction<Database>;

export async function findTemplateByRef(
  db: Db,
  ref: { id: string } | { slug: string },
): Promise<TemplateRecord | undefined> {
  const query = templateQuery(db);
  return 'id' in ref
    ? query.where('t.id', '=', ref.id).executeTakeFirst()
    : query.where('t.slug', '=', ref.slug).executeTakeFirst();
}

/** Counted in the deployment's transaction: a rolled-back deployment never counts. */
export async function incrementDeployCount(trx: Transaction<Database>, templateId: string): Promise<void> {
  await trx
    .updateTable('stack_template')
    .set({ deploy_count: sql<number>`deploy_count + 1` })
    .where('id', '=', templateId)
    .execute();
}
