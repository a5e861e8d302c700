import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index.js';
import { migrateDown, migrateToLatest, migrationStatus } from '../../../src/infra/db/migrator.js';
import { createEmptyDatabase, type TestDatabase } from '../../helpers/database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createEmptyDatabase();
});
afterAll(() => database.drop());

async function tables(): Promise<string[]> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by 1`.execute(
    database.db,
  );
  return rows.map((r) => r.tablename);
}

describe('migrations', () => {
  it('go up, all the way down, and up again on a real database', async () => {
    const names = Object.keys(migrations);
    expect(await migrateToLatest(database.db)).toEqual(names);
    const full = await tables();
    expect(full).toContain('audit_log');
    expect((await migrationStatus(database.db)).every((m) => m.executedAt instanceof Date)).toBe(true);

    for (let i = names.length - 1; i >= 0; i--) {
      expect(await migrateDown(database.db)).toEqual([names[i]]);
    }
    expect(await tables()).toEqual([]);
    expect((await migrationStatus(database.db)).every((m) => m.executedAt === undefined)).toBe(true);

    expect(await migrateToLatest(database.db)).toEqual(names);
    expect(await tables()).toEqual(full);
    expect(await migrateToLatest(database.db)).toEqual([]);
  });
});
