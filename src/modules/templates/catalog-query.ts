import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../infra/db/database.js';
import {
  cursorCount,
  cursorTimestamp,
  cursorUuid,
  decodeCursor,
  encodeCursor,
} from '../../infra/http/cursor.js';
import { type TemplateRecord, templateQuery } from './repository.js';

// The public catalog: listed (approved) templates, searched and paged by keyset.
//
// - `q` is a case-insensitive substring match over name, slug, descriptions and tags, on the generated
//   `search_text` column with a trigram index (docs/decisions: measured against full-text search).
// - Pages are keyset pages on (sort key, id) DESC, so a template approved while someone pages is never
//   shown twice nor shifts a page; the cursor carries timestamps at Postgres' microsecond precision
//   (a JS Date would round them and skip or repeat rows).

export const CATALOG_SORTS = ['recent', 'popular'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export interface CatalogFilter {
  q?: string | undefined;
  category?: string | undefined;
  tag?: string | undefined;
  sort: CatalogSort;
  limit: number;
  cursor?: string | undefined;
}

const recentCursor = z.tuple([z.literal('recent'), cursorTimestamp, cursorUuid]);
const popularCursor = z.tuple([z.literal('popular'), cursorCount, cursorTimestamp, cursorUuid]);

const approvedAtText = sql<string>`to_char(t.approved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** `LIKE` treats `%`, `_` and `\` specially; a user's `q` is matched literally. */
export function likeContains(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchCatalog(
  db: Kysely<Database>,
  filter: CatalogFilter,
): Promise<{ rows: TemplateRecord[]; nextCursor: string | null }> {
  let query = templateQuery(db)
    .select(approvedAtText.as('cursor_at'))
    .where('t.status', '=', 'approved')
    .where('t.approved_at', 'is not', null);
  if (filter.q) query = query.where(sql<boolean>`t.search_text like ${likeContains(filter.q)}`);
  if (filter.category) query = query.where('c.name', '=', filter.category);
  if (filter.tag) query = query.where(sql<boolean>`t.tags @> ${JSON.stringify([filter.tag])}::jsonb`);

  if (filter.sort === 'popular') {
    const after = decodeCursor(filter.cursor, popularCursor);
    if (after) {
      const [, count, at, id] = after;
      query = query.where(
        sql<boolean>`(t.deploy_count, t.approved_at, t.id) < (${count}::int, ${at}::timestamptz, ${id}::uuid)`,
      );
    }
    query = query.orderBy('t.deploy_count', 'desc');
  } else {
    const after = decodeCursor(filter.cursor, recentCursor);
    if (after) {
      const [, at, id] = after;
      query = query.where(sql<boolean>`(t.approved_at, t.id) < (${at}::timestamptz, ${id}::uuid)`);
    }
  }
  const rows = await query
    .orderBy('t.approved_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(filter.limit + 1)
    .execute();

  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > filter.limit && last) {
    nextCursor =
      filter.sort === 'popular'
        ? encodeCursor(['popular', last.deploy_count, last.cursor_at, last.id])
        : encodeCursor(['recent', last.cursor_at, last.id]);
  }
  return { rows: page, nextCursor };
}

/** A listed template by slug (approved only: drafts and unlisted templates are not public). */
export async function findListedBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<TemplateRecord | undefined> {
  return templateQuery(db).where('t.slug', '=', slug).where('t.status', '=', 'approved').executeTakeFirst();
}
