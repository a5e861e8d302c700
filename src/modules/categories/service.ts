import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { badRequest } from '../../infra/http/errors.js';
import { findCategoryByName, listCategories } from './repository.js';

export interface PublicCategory {
  id: number;
  name: string;
  title: string | null;
  metadata: Record<string, unknown>;
}

export async function listPublicCategories(db: Kysely<Database>): Promise<PublicCategory[]> {
  const rows = await listCategories(db);
  return rows.map(({ id, name, title, metadata }) => ({ id, name, title, metadata }));
}

/**
 * The category a template's `category_code` names (`stack_category.name`). An unknown code is a 400
 * that lists the known ones, so a CLI user can fix the value without another call.
 */
export async function resolveCategoryCode(
  db: Kysely<Database>,
  code: string,
  field = 'body.category_code',
): Promise<number> {
  const found = await findCategoryByName(db, code);
  if (found !== undefined) return found.id;
  const known = (await listCategories(db)).map((c) => c.name);
  const message =
    known.length > 0
      ? `Unknown category '${code}'. Known categories: ${known.join(', ')}.`
      : `Unknown category '${code}'. No categories have been synced from the User Service yet.`;
  throw badRequest('unknown_category', message, [{ path: field, message }], { known_categories: known });
}
