import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { isUuid } from '../../infra/identifiers.js';
import { templateNotFound } from './errors.js';
import { findTemplateById, lockTemplateById, type TemplateRecord } from './repository.js';

/**
 * The caller's template, row-locked for the transaction, or 404 — also when it belongs to someone
 * else. This runs before every other check, so no 409 or 422 reveals that another vendor's template exists.
 */
export async function lockOwnTemplate(
  trx: Transaction<Database>,
  userId: string,
  id: string,
): Promise<TemplateRecord> {
  if (!isUuid(id)) throw templateNotFound();
  const row = await lockTemplateById(trx, id);
  if (row === undefined || row.creator_user_id !== userId) throw templateNotFound();
  return row;
}

/** The caller's template without a lock (read-only routes), or 404. */
export async function findOwnTemplate(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<TemplateRecord> {
  if (!isUuid(id)) throw templateNotFound();
  const row = await findTemplateById(db, id);
  if (row === undefined || row.creator_user_id !== userId) throw templateNotFound();
  return row;
}

/** Any template for an admin, row-locked, or 404. */
export async function lockAnyTemplate(trx: Transaction<Database>, id: string): Promise<TemplateRecord> {
  if (!isUuid(id)) throw templateNotFound();
  const row = await lockTemplateById(trx, id);
  if (row === undefined) throw templateNotFound();
  return row;
}
