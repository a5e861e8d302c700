import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterMigrate } from '../../src/cli/after-migrate.js';
import { readTestEnv } from '../../src/config.js';
import { createDatabase } from '../../src/infra/db/connection.js';
import { startEmbeddedPostgres } from '../../src/infra/db/embedded.js';
import { migrateToLatest } from '../../src/infra/db/migrator.js';

/*
 * The Postgres the benchmarks run on: the machine's server (TEST_DATABASE_URL, or the usual local
 * address when it answers), else a throwaway embedded cluster. Each run creates its own migrated
 * database and drops it at the end, so nothing is left behind and other users of the server are not
 * disturbed beyond the load itself.
 */

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchPostgres {
  /** Where it came from, for the report. */
  source: 'TEST_DATABASE_URL' | 'local' | 'embedded';
  adminUrl: string;
  /** The migrated database of this run. */
  url: string;
  name: string;
  version: string;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function startBenchPostgres(
  log: (line: string) => void,
  options: { embedded?: boolean } = {},
): Promise<BenchPostgres> {
  const fromEnv = options.embedded ? undefined : readTestEnv().databaseUrl;
  let source: BenchPostgres['source'];
  let adminUrl: string;
  let stopCluster = async () => {};
  if (fromEnv) {
    source = 'TEST_DATABASE_URL';
    adminUrl = fromEnv;
  } else if (!options.embedded && (await answers(LOCAL_URL))) {
    source = 'local';
    adminUrl = LOCAL_URL;
  } else {
    log('starting an embedded Postgres cluster');
    const dir = await mkdtemp(path.join(tmpdir(), 'stacker-bench-pg-'));
    await chmod(dir, 0o755);
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'data'),
      database: 'postgres',
      persistent: false,
      postgresFlags: ['-c', 'max_connections=200'],
    });
    source = 'embedded';
    adminUrl = embedded.adminUrl;
    stopCluster = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }

  const name = `stacker_bench_${randomBytes(4).toString('hex')}`;
  const version = await withClient(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE ${name}`);
    const row = await client.query<{ server_version: string }>('SHOW server_version');
    return row.rows[0]?.server_version ?? 'unknown';
  });
  const url = databaseUrl(adminUrl, name);
  const handle = createDatabase({ url, poolMax: 2, statementTimeoutMs: 60_000 });
  try {
    await migrateToLatest(handle.db);
    await afterMigrate(handle.db, () => {});
  } finally {
    await handle.close();
  }
  return {
    source,
    adminUrl,
    url,
    name,
    version,
    async stop() {
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await stopCluster();
    },
  };
}

/**
 * pg_stat_statements counts statements exactly, but only when the server preloads it. Returns a reader
 * of the total calls in this database, or undefined when the extension cannot be used.
 */
export async function statementCounter(
  pgUrl: string,
): Promise<{ read(): Promise<number>; close(): Promise<void> } | undefined> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const preload = await client.query<{ v: string }>('SHOW shared_preload_libraries');
    if (!(preload.rows[0]?.v ?? '').includes('pg_stat_statements')) {
      await client.end();
      return undefined;
    }
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  } catch {
    await client.end().catch(() => {});
    return undefined;
  }
  return {
    async read() {
      const r = await client.query<{ calls: string }>(
        `SELECT coalesce(sum(calls), 0)::text AS calls FROM pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND query NOT LIKE '%pg_stat_statements%'`,
      );
      return Number(r.rows[0]?.calls ?? 0);
    },
    close: () => client.end(),
  };
}
