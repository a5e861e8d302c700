import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from '../../../src/infra/db/migrator.js';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../../helpers/database.js';

// Rules every migration keeps, checked on the migrated schema rather than by reading SQL.

describe('the migrated schema', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(2);
  });
  afterAll(() => database.drop());

  it('indexes the referencing column of every foreign key', async () => {
    const { rows } = await sql<{ missing: string }>`
      SELECT c.conrelid::regclass || '.' || a.attname AS missing
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
        AND NOT EXISTS (
          SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1]
        )
      ORDER BY 1`.execute(database.db);
    expect(rows.map((row) => row.missing)).toEqual([]);
  });
});

describe('migrations under a held lock', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    await migrateToLatest(database.db);
  });
  afterAll(() => database.drop());

  it('give up after the lock timeout instead of queueing every query behind them, and change nothing', async () => {
    // The last migration's down drops indexes on deployment: it needs the table's exclusive lock, which
    // an open transaction that read the table holds it from.
    const reader = await database.pool.connect();
    try {
      await reader.query('BEGIN');
      await reader.query('SELECT count(*) FROM deployment');
      await expect(migrateDown(database.db, { lockTimeout: '200ms' })).rejects.toThrow(/lock timeout/);
      await reader.query('COMMIT');
    } finally {
      reader.release();
    }
    // Nothing was undone: the migration is still applied, and a retry without the lock goes through.
    expect(await migrateToLatest(database.db)).toEqual([]);
    expect((await migrateDown(database.db)).length).toBe(1);
    expect((await migrateToLatest(database.db)).length).toBe(1);
  });
});
