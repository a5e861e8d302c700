import { type Kysely, sql } from 'kysely';

/**
 * Sends a NOTIFY. Inside a transaction Postgres delivers it at commit (and never on rollback), which is
 * why writers call this with their transaction: a listener never wakes for a change it cannot see yet.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any Kysely database or transaction
export async function notify(db: Kysely<any>, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
