import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../infra/db/database.js';
import { cursorTimestamp, cursorUuid, decodeCursor, encodeCursor } from '../../infra/http/cursor.js';
import type { TemplateStatus } from './column-values.js';
import { type TemplateRecord, templateQuery } from './repository.js';

// The admins' review queue: what waits for a decision first (submitted templates, and approved
// templates with a submitted version), oldest wait first; everything else after, oldest first.
// Admin volumes are small, so these expressions are computed per row rather than indexed.

const pendingVersion = sql`exists (select 1 from stack_template_version v
  where v.template_id = t.id and v.review_status = 'submitted' and v.is_latest)`;
const rank = sql<number>`(case when t.status = 'submitted' or ${pendingVersion} then 0 else 1 end)`;
const waitingSince = sql<Date>`coalesce(
  case when t.status = 'submitted' then t.submitted_at end,
  (select max(v.created_at) from stack_template_version v where v.template_id = t.id and v.review_status = 'submitted'),
  t.created_at)`;
const waitingSinceText = sql<string>`to_char(${waitingSince} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const queueCursor = z.tuple([
  z.literal('queue'),
  z.union([z.literal(0), z.literal(1)]),
  cursorTimestamp,
  cursorUuid,
]);

export type QueueRecord = TemplateRecord & { queue_rank: number };

/**
 * `status=submitted` is the queue proper (including approved templates with a version waiting);
 * any other status filters on the template's status.
 */
export async function listReviewQueue(
  db: Kysely<Database>,
  filter: { status?: TemplateStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<{ rows: QueueRecord[]; nextCursor: string | null }> {
  let query = templateQuery(db).select([rank.as('queue_rank'), waitingSinceText.as('queue_at')]);
  if (filter.status === 'submitted') query = query.where(sql<boolean>`${rank} = 0`);
  else if (filter.status !== undefined) query = query.where('t.status', '=', filter.status);
  const after = decodeCursor(filter.cursor, queueCursor);
  if (after) {
    const [, r, at, id] = after;
    query = query.where(
      sql<boolean>`(${rank}, ${waitingSince}, t.id) > (${r}::int, ${at}::timestamptz, ${id}::uuid)`,
    );
  }
  const rows = await query
    .orderBy(rank)
    .orderBy(waitingSince)
    .orderBy('t.id')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > filter.limit && last
      ? encodeCursor(['queue', last.queue_rank === 0 ? 0 : 1, last.queue_at, last.id])
      : null;
  return { rows: page, nextCursor };
}
