import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import type { Outbox } from '../../infra/db/schema.js';

type OutboxStatus = Selectable<Outbox>['status'];

export type OutboxRecord = Selectable<Outbox>;

export interface ListOptions {
  status: OutboxStatus | undefined;
  topic: string | undefined;
  /** Keyset: rows strictly after this (created_at as Postgres prints it, to the microsecond; id). */
  after: { createdAt: string; id: string } | undefined;
  limit: number;
}

export type ListedOutboxRecord = OutboxRecord & { created_at_exact: string };

/** Oldest first: the head of each key, the one holding others back, shows before what it holds. */
export async function listOutbox(db: Kysely<Database>, options: ListOptions): Promise<ListedOutboxRecord[]> {
  // A JS Date keeps milliseconds only; the cursor needs Postgres's microseconds or rows repeat.
  let query = db
    .selectFrom('outbox')
    .selectAll()
    .select(sql<string>`created_at::text`.as('created_at_exact'));
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  if (options.topic !== undefined) query = query.where('topic', '=', options.topic);
  const after = options.after;
  if (after !== undefined) {
    query = query.where(
      sql<boolean>`(created_at, id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return query.orderBy('created_at').orderBy('id').limit(options.limit).execute();
}

export async function findOutbox(db: Kysely<Database>, id: string): Promise<OutboxRecord | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Puts a dead event back in line with a fresh schedule; `undefined` when it is not dead. */
export async function requeueDead(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<OutboxRecord | undefined> {
  return db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Gives an event up: a dead one, or a pending one nobody is delivering right now (an install event
 * waiting for a broker that will never come, say). `undefined` when it is in neither state.
 */
export async function discardUndelivered(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<OutboxRecord | undefined> {
  return db
    .updateTable('outbox')
    .set({ status: 'discarded', locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'dead'),
        eb.and([
          eb('status', '=', 'pending'),
          eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]),
        ]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}
