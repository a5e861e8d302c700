import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import pg from 'pg';
import { createDatabase } from '../../src/infra/db/connection.js';
import { migrateToLatest } from '../../src/infra/db/migrator.js';
import { dumpSchema, generateTypes, SCHEMA_SQL, SCHEMA_TS } from './schema-files.js';

/**
 * `npm run db:schema [-- --database-url URL]`: migrates a scratch database on that server
 * (default `TEST_DATABASE_URL`), rewrites migrations/schema.sql and src/infra/db/schema.ts from it,
 * and drops it. Run it after adding a migration, and commit both files with the migration.
 */
async function main(): Promise<void> {
  const flag = process.argv.indexOf('--database-url');
  const adminUrl = flag >= 0 ? process.argv[flag + 1] : process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error('set TEST_DATABASE_URL or pass --database-url (a server we may create a database on)');
  const name = `stacker_schema_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = createDatabase({ url: url.toString(), poolMax: 2, statementTimeoutMs: 60_000 });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close();
    }
    await writeFile(SCHEMA_SQL, await dumpSchema(url.toString()));
    await writeFile(SCHEMA_TS, await generateTypes(url.toString()));
    console.log(`wrote ${SCHEMA_SQL} and ${SCHEMA_TS}`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
