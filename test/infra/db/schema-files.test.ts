import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dumpSchema,
  dumpUnavailable,
  generateTypes,
  normaliseDump,
  SCHEMA_SQL,
  SCHEMA_TS,
} from '../../../dev/schema/schema-files.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

// The committed schema files must be what the migrations produce: a migration without
// `npm run db:schema` (or a hand edit of a generated file) fails here.

let database: TestDatabase;
let dumpSkipReason: string | undefined;

beforeAll(async () => {
  database = await createTestDatabase(2);
  dumpSkipReason = await dumpUnavailable(database.url);
});
afterAll(async () => {
  await database?.drop();
});

describe('schema files', () => {
  it('src/infra/db/schema.ts is what kysely-codegen generates from the migrated database', async () => {
    const generated = await generateTypes(database.url);
    expect(generated).toBe(await readFile(SCHEMA_TS, 'utf8'));
  });

  it('migrations/schema.sql is the normalised pg_dump of the migrated database', async (context) => {
    // pg_dump must match the server's major version; an embedded cluster of another version skips.
    if (dumpSkipReason !== undefined) context.skip(dumpSkipReason);
    const dump = await dumpSchema(database.url);
    expect(dump).toBe(await readFile(SCHEMA_SQL, 'utf8'));
  });

  it('normalises away comments, SET lines and the per-run restrict key', () => {
    const raw =
      '--\n-- PostgreSQL database dump\n\\restrict abc\nSET x = 1;\n\n\n\nCREATE TABLE t ();  \n\\unrestrict abc\n';
    expect(normaliseDump(raw)).toBe('CREATE TABLE t ();\n');
  });
});
