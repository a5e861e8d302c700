import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../infra/db/database.js';
import { cursorTimestamp, cursorUuid, decodeCursor, encodeCursor } from '../../infra/http/cursor.js';
import { type TemplateRecord, templateQuery } from './repository.js';

const mineCursor = z.tuple([z.literal('mine'), cursorTimestamp, cursorUuid]);
const createdAtText = sql<string>`to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A vendor's templates in every status, newest first, by keyset on (created_at, id). */
export async function listTemplatesOfCreator(
  db: Kysely<Database>,
  creatorUserId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ rows: TemplateRecord[]; nextCursor: string | null }> {
  let query = templateQuery(db)
    .select(createdAtText.as('cursor_at'))
    .where('t.creator_user_id', '=', creatorUserId);
  const after = decodeCursor(page.cursor, mineCursor);
  if (after) {
    const [, at, id] = after;
    query = query.where(sql<boolean>`(t.created_at, t.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > page.limit && last ? encodeCursor(['mine', last.cursor_at, last.id]) : null;
  return { rows: items, nextCursor };
}
