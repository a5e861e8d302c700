import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { badRequest, conflict } from '../http/errors.js';

/*
 * `Idempotency-Key` (api.md; the deploy and enqueue routes): the same key from the same user within 24 h
 * returns the first reply and does nothing again. The key's row is claimed first thing in the deployment's
 * transaction: a concurrent retry's claim waits on that row until the first transaction ends, then
 * finds the stored reply (or, if the first rolled back, claims the key itself). Only successful replies
 * are kept: a refusal (402, 503) writes nothing, so a retry after a purchase or an outage can succeed.
 */

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_RE = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentReply<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export interface IdempotencyScope {
  userId: string;
  key: string | undefined;
  /** The route the key was first used on; the same key on another route is a conflict. */
  route: string;
  now: Date;
}

export function parseIdempotencyKey(header: unknown): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_RE.test(header)) {
    throw badRequest(
      'invalid_idempotency_key',
      'Idempotency-Key must be 1 to 255 visible ASCII characters.',
      [{ path: 'headers.idempotency-key', message: 'must be 1 to 255 visible ASCII characters' }],
    );
  }
  return header;
}

const reused = () =>
  conflict('idempotency_key_reused', 'This Idempotency-Key was already used for another request.');

type Db = Kysely<Database> | Transaction<Database>;

/** The live reply stored for the key, if any (read before the gate, so a retry asks no one again). */
export async function findStoredReply(
  db: Db,
  scope: IdempotencyScope,
): Promise<IdempotentReply<unknown> | undefined> {
  if (scope.key === undefined) return undefined;
  const row = await db
    .selectFrom('idempotency_key')
    .select(['route', 'reply', 'status'])
    .where('user_id', '=', scope.userId)
    .where('key', '=', scope.key)
    .where('expires_at', '>', scope.now)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  if (row.route !== scope.route) throw reused();
  return { status: row.status, body: row.reply, replayed: true };
}

/** Runs `run` in a transaction that owns the key, or returns the reply stored under it. */
export async function withIdempotencyKey<T>(
  db: Kysely<Database>,
  scope: IdempotencyScope,
  run: (trx: Transaction<Database>) => Promise<{ status: number; body: T }>,
): Promise<IdempotentReply<T>> {
  return db.transaction().execute(async (trx) => {
    const { userId, key, route, now } = scope;
    if (key === undefined) return { ...(await run(trx)), replayed: false };
    const claim = {
      route,
      reply: JSON.stringify(null),
      status: 0,
      expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      created_at: now,
    };
    const claimed = await trx
      .insertInto('idempotency_key')
      .values({ user_id: userId, key, ...claim })
      // An expired row is taken over; a live one (committed by another request) is left alone.
      .onConflict((oc) =>
        oc.columns(['user_id', 'key']).doUpdateSet(claim).where('idempotency_key.expires_at', '<=', now),
      )
      .returning('user_id')
      .executeTakeFirst();
    if (claimed === undefined) {
      const stored = await findStoredReply(trx, scope);
      if (stored === undefined) throw reused(); // expired between the two statements: vanishingly rare
      return stored as IdempotentReply<T>;
    }
    const outcome = await run(trx);
    await trx
      .updateTable('idempotency_key')
      .set({ reply: JSON.stringify(outcome.body), status: outcome.status })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .execute();
    return { ...outcome, replayed: false };
  });
}

/**
 * Deletes up to `batch` expired keys (all routes' keys: the table is shared). Run periodically; several
 * instances running it at once skip each other's rows instead of waiting on them.
 */
export async function purgeExpiredIdempotencyKeys(
  db: Kysely<Database>,
  now: Date,
  batch = 1_000,
): Promise<number> {
  const result = await sql`
    DELETE FROM idempotency_key WHERE ctid IN (
      SELECT ctid FROM idempotency_key WHERE expires_at <= ${now}::timestamptz LIMIT ${batch} FOR UPDATE SKIP LOCKED
    )`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}
