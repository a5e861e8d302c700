import { type Kysely, sql } from 'kysely';

/**
 * Behind a transaction pooler the pool cannot set `statement_timeout` per connection (PgBouncer refuses
 * startup parameters it does not know), so the cap must come from the role or database settings of the
 * server sessions PgBouncer opens. Returns what a pooled session runs with; '0' means no cap at all.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any Kysely database
export async function pooledStatementTimeout(db: Kysely<any>): Promise<string> {
  const result = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(db);
  return result.rows[0]?.statement_timeout ?? '0';
}

/**
 * The URL for what needs a session of its own: the LISTEN hub, and behind a transaction pooler the
 * migrator too (Kysely takes its migration lock with a session `pg_advisory_lock`; through PgBouncer
 * the lock and the unlock can land on different server sessions and the lock stays held).
 */
export function sessionUrl(
  database: { pooler: 'none' | 'transaction'; listenUrl: string | undefined },
  url: string,
  use: 'listen' | 'migrate',
): string {
  if (use === 'migrate' && database.pooler !== 'transaction') return url;
  return database.listenUrl ?? url;
}
