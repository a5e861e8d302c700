import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../../src/infra/db/connection.js';
import type { Database } from '../../../src/infra/db/database.js';
import { prepared, StatementNames } from '../../../src/infra/db/prepared-statements.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

let database: TestDatabase;
let handle: DatabaseHandle;
let plain: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  // One connection each, so the statements a session holds can be read back on it.
  handle = createDatabase({ url: database.url, poolMax: 1, statementTimeoutMs: 10_000 });
  plain = createDatabase({
    url: database.url,
    poolMax: 1,
    statementTimeoutMs: 10_000,
    preparedStatements: false,
  });
});
afterAll(async () => {
  await handle.close();
  await plain.close();
  await database.drop();
});

const held = async (db: Kysely<Database>) =>
  (await sql<{ name: string }>`SELECT name FROM pg_prepared_statements ORDER BY name`.execute(db)).rows.map(
    (r) => r.name,
  );

describe('prepared statements', () => {
  it('sends a marked statement by name, once per connection, with its parameters', async () => {
    const run = (n: number) =>
      sql<{ twice: number }>`${sql.raw(prepared('test.twice'))} SELECT ${n}::int * 2 AS twice`.execute(
        handle.db,
      );
    expect((await run(2)).rows).toEqual([{ twice: 4 }]);
    expect((await run(21)).rows).toEqual([{ twice: 42 }]);
    await sql`SELECT 1`.execute(handle.db);
    expect(await held(handle.db)).toEqual(['test.twice.0']);
  });

  it('marks Kysely-built queries at their end, and leaves unmarked and disabled pools alone', async () => {
    const hashes = await handle.db
      .selectFrom('deployment')
      .select('deployment_hash')
      .modifyEnd(sql.raw(prepared('test.built')))
      .execute();
    expect(hashes).toEqual([]);
    expect(await held(handle.db)).toContain('test.built.1');
    await sql`${sql.raw(prepared('test.off'))} SELECT 1`.execute(plain.db);
    expect(await held(plain.db)).toEqual([]);
  });

  it('replaces a connection whose prepared statement a migration made stale', async () => {
    await sql`CREATE TABLE prep_stale (a int)`.execute(plain.db);
    await sql`INSERT INTO prep_stale VALUES (1)`.execute(plain.db);
    const read = () => sql`${sql.raw(prepared('test.stale'))} SELECT * FROM prep_stale`.execute(handle.db);
    expect((await read()).rows).toEqual([{ a: 1 }]);
    await sql`ALTER TABLE prep_stale ADD COLUMN b int`.execute(plain.db);
    // The statement's result type changed: this connection's copy fails once, then the pool's next
    // connection prepares it again.
    await expect(read()).rejects.toMatchObject({ code: '0A000' });
    expect((await read()).rows).toEqual([{ a: 1, b: null }]);
  });

  it('names one text once, never reuses a name for another text, and stops naming past its cap', () => {
    const names = new StatementNames();
    const a = names.nameFor(`${prepared('x')} SELECT 1`);
    expect(names.nameFor(`${prepared('x')} SELECT 1`)).toBe(a);
    const b = names.nameFor(`${prepared('x')} SELECT 2`);
    expect(b).not.toBe(a);
    expect(names.nameFor('SELECT 3')).toBeUndefined();
    expect(names.nameFor('SELECT 4 /*stmt:bad name*/')).toBeUndefined();
    for (let i = 0; i < 500; i++) names.nameFor(`${prepared('many')} SELECT ${i}`);
    expect(names.size).toBe(200);
    expect(names.nameFor(`${prepared('late')} SELECT 1`)).toBeUndefined();
  });
});
