import type { Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { reassignCategory } from './repository.js';

/**
 * For the category sync: when the User Service sends a category under a new id, the templates filed
 * under the old row follow it before that row is removed. Runs in the sync's transaction.
 */
export async function moveTemplatesToCategory(
  trx: Transaction<Database>,
  fromCategoryId: number,
  toCategoryId: number,
): Promise<number> {
  return reassignCategory(trx, fromCategoryId, toCategoryId);
}
