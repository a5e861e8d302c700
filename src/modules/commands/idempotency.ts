import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { badRequest, conflict } from '../../infra/http/errors.js';

/*
 * `Idempotency-Key` (api.md): the same key from the same user within 24 h returns the first reply and
 * does nothing again. A transaction-scoped advisory lock on (user, key) serialises two retries that
 * arrive together: the second waits, then finds the first one's reply.
 */

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_RE = /^[\x21-\x7e]{1,255}$/;

export interface StoredReply<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export function parseIdempotencyKey(header: unknown): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_RE.test(header)) {
    throw badRequest('invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
  }
  return header;
}

export async function withIdempotency<T>(
  db: Kysely<Database>,
  scope: { userId: string; key: string | undefined; route: string; now: Date },
  run: (trx: Transaction<Database>) => Promise<{ status: number; body: T }>,
): Promise<StoredReply<T>> {
  return db.transaction().execute(async (trx) => {
    const { userId, key, route, now } = scope;
    if (key === undefined) return { ...(await run(trx)), replayed: false };
    // Two int4 halves (user, key): a hash collision only serialises two unrelated requests.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${userId}), hashtext(${key}))`.execute(trx);
    const existing = await trx
      .selectFrom('idempotency_key')
      .select(['route', 'reply', 'status'])
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (existing) {
      if (existing.route !== route) {
        throw conflict(
          'idempotency_key_reused',
          'This Idempotency-Key was already used for another request.',
        );
      }
      return { status: existing.status, body: existing.reply as T, replayed: true };
    }
    const outcome = await run(trx);
    const row = {
      user_id: userId,
      key,
      route,
      reply: JSON.stringify(outcome.body),
      status: outcome.status,
      expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      created_at: now,
    };
    await trx
      .insertInto('idempotency_key')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['user_id', 'key']).doUpdateSet({
          route: row.route,
          reply: row.reply,
          status: row.status,
          expires_at: row.expires_at,
          created_at: row.created_at,
        }),
      )
      .execute();
    return { ...outcome, replayed: false };
  });
}
