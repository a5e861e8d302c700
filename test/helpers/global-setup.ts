import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { afterMigrate } from '../../src/cli/after-migrate.js';
import { readTestEnv } from '../../src/config.js';
import { createDatabase } from '../../src/infra/db/connection.js';
import { startEmbeddedPostgres } from '../../src/infra/db/embedded.js';
import { migrateToLatest } from '../../src/infra/db/migrator.js';
import { summarizeSleeps } from './sleep-report.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateDb: string;
    /** A scratch folder of this run (the sleep report). */
    testRunDir: string;
  }
}

/**
 * Provides one real Postgres for the run: `TEST_DATABASE_URL` when set (CI uses the machine's server),
 * else a throwaway embedded cluster. A template database is migrated once; each test file clones it.
 */
export default async function setup(project: TestProject) {
  const env = readTestEnv();
  let adminUrl: string;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let tmp: string | undefined;
  if (env.databaseUrl) {
    adminUrl = env.databaseUrl;
  } else {
    tmp = await mkdtemp(path.join(tmpdir(), 'stacker-test-pg-'));
    // Postgres runs as an unprivileged user when we are root: it must be able to enter the folder.
    await chmod(tmp, 0o755);
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'data'),
      database: 'postgres',
      persistent: false,
      // A throwaway cluster: durability buys nothing here and costs seconds.
      postgresFlags: [
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=400',
      ],
    });
    adminUrl = embedded.adminUrl;
    stopEmbedded = embedded.stop;
  }

  const run = randomBytes(4).toString('hex');
  const templateDb = `stacker_tpl_${run}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateDb}`);
  const url = new URL(adminUrl);
  url.pathname = `/${templateDb}`;
  const handle = createDatabase({ url: url.toString(), poolMax: 2, statementTimeoutMs: 60_000 });
  try {
    await migrateToLatest(handle.db);
    await afterMigrate(handle.db, () => {});
  } finally {
    await handle.close();
  }

  const runDir = await mkdtemp(path.join(tmpdir(), 'stacker-test-run-'));
  project.provide('testRunDir', runDir);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplateDb', templateDb);

  return async () => {
    console.log(await summarizeSleeps(runDir));
    await rm(runDir, { recursive: true, force: true });
    const dbs = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`stacker_test_${run}_%`, templateDb],
    );
    for (const { datname } of dbs.rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {});
    }
    await admin.end();
    await stopEmbedded?.();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  };
}
