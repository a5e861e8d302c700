import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { preparingPool } from './prepared-statements.js';

export interface DatabaseOptions {
  url: string;
  poolMax: number;
  /** Server-side cap per statement, so a runaway query cannot hold a pool slot forever. */
  statementTimeoutMs: number;
  applicationName?: string;
  /** Send statements marked with `prepared(name)` as named statements (default: true without a pooler). */
  preparedStatements?: boolean;
  /**
   * `transaction`: `url` is a transaction pooler (PgBouncer). Each transaction may run on a different
   * server session, so nothing may rely on one: no startup parameters (PgBouncer refuses the connection
   * with "unsupported startup parameter"; the timeouts then come from the role, docs/ops/pgbouncer.md),
   * prepared statements off unless asked for, and LISTEN goes elsewhere (ListenHub's own URL).
   */
  pooler?: 'none' | 'transaction';
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  const pooled = options.pooler === 'transaction';
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    ...(pooled
      ? {}
      : {
          statement_timeout: options.statementTimeoutMs,
          idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
        }),
    application_name: options.applicationName ?? 'stacker',
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
  });
  // An idle client that loses its connection (Postgres restart) emits here; without a listener the
  // process would crash. The pool drops that client and opens a new one on the next checkout.
  pool.on('error', () => {});
  const prepare = options.preparedStatements ?? !pooled;
  const dialectPool = prepare ? preparingPool(pool) : pool;
  // The wrapper has the two methods Kysely calls (connect, end); its clients have query and release.
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: dialectPool as unknown as pg.Pool }),
  });
  let closed = false;
  return {
    db,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
