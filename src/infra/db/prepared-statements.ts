import type pg from 'pg';

/*
 * Prepared statements for the hot statements, opted into one by one. Planning a statement often costs
 * Postgres more than running it (the claim and the latest-per-app read: ~0.2 ms of planning for ~0.05
 * ms of execution, measured in docs/performance.md). A statement whose SQL carries the mark
 * `/*stmt:<name>*\/` is sent as a named statement: parsed and planned once per connection, then only
 * bound and executed. Only marked statements, because each one lives as long as its connection: SQL
 * whose text varies (IN lists, multi-row inserts) must not be marked, and at most MAX_NAMED texts are
 * ever named per pool. Off (DATABASE_PREPARED_STATEMENTS=false) behind a pooler that cannot keep them,
 * such as PgBouncer in transaction mode without max_prepared_statements.
 */

const MARK_RE = /\/\*stmt:([A-Za-z0-9_.-]{1,60})\*\//;
const MAX_NAMED = 200;

/** The mark that makes a statement prepared (put it anywhere in the SQL text). */
export const prepared = (name: string): string => `/*stmt:${name}*/`;

/** Statement text → name, fixed for the life of the pool (one text, one name, on every connection). */
export class StatementNames {
  private readonly names = new Map<string, string>();

  nameFor(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    if (!text.includes('/*stmt:') || this.names.size >= MAX_NAMED) return undefined;
    const mark = MARK_RE.exec(text);
    if (!mark) return undefined;
    const name = `${mark[1]}.${this.names.size}`;
    this.names.set(text, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}

type Client = Pick<pg.PoolClient, 'query' | 'release'>;

/** Postgres refusing a prepared statement whose result type changed since it was prepared. */
const STALE_PLAN = '0A000';

/**
 * The pool Kysely's PostgresDialect uses: `pool`'s clients, sending marked statements by name. A
 * connection whose prepared statement went stale (a migration changed what it returns) is closed
 * when released, instead of failing the same way on every later use: its next user opens a fresh
 * connection, which prepares the statement again.
 */
export function preparingPool(pool: pg.Pool, names = new StatementNames()) {
  return {
    async connect() {
      const client: Client = await pool.connect();
      let stale = false;
      return {
        // Not async: a cursor (Kysely's stream) is passed through and returned as it is.
        query(text: unknown, values?: unknown[]) {
          if (typeof text !== 'string') return client.query(text as pg.QueryConfig);
          const name = names.nameFor(text);
          if (name === undefined) return client.query(text, values);
          return client.query({ name, text, values }).catch((error: unknown) => {
            if ((error as { code?: string }).code === STALE_PLAN) stale = true;
            throw error;
          });
        },
        release(error?: Error | boolean) {
          client.release(stale || error);
        },
      };
    },
    end: () => pool.end(),
  };
}
