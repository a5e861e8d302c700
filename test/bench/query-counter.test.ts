import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FrontendMessageCounter,
  type QueryCountingProxy,
  startQueryCountingProxy,
} from '../../bench/lib/query-counter.js';
import { percentile, summarize } from '../../bench/lib/stats.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

// The benchmarks' instruments: the statement counter between a server and Postgres, and percentiles.

let database: TestDatabase;
let proxy: QueryCountingProxy;
beforeAll(async () => {
  database = await createTestDatabase(1);
  proxy = await startQueryCountingProxy(database.url);
});
afterAll(async () => {
  await proxy.close();
  await database.drop();
});

describe('the statement counter', () => {
  it('counts simple and extended-protocol statements through the proxy, results untouched', async () => {
    const client = new pg.Client({ connectionString: proxy.url });
    await client.connect();
    try {
      const start = proxy.statements();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      expect((await client.query('SELECT $1::int + 1 AS two', [1])).rows).toEqual([{ two: 2 }]);
      await client.query('BEGIN');
      await client.query({ name: 'named', text: 'SELECT $1::text AS t', values: ['x'] });
      await client.query({ name: 'named', text: 'SELECT $1::text AS t', values: ['y'] });
      await client.query('COMMIT');
      expect(proxy.statements() - start).toBe(6);
    } finally {
      await client.end();
    }
  });

  it('reads messages split anywhere across chunks, after an SSL request', () => {
    const counter = new FrontendMessageCounter();
    const int32 = (n: number) => {
      const b = Buffer.alloc(4);
      b.writeInt32BE(n);
      return b;
    };
    const typed = (type: string, body: Buffer) =>
      Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
    const stream = Buffer.concat([
      int32(8),
      int32(80877103), // SSLRequest: the startup message follows, also untyped
      int32(12),
      int32(196608),
      Buffer.from('user'),
      typed('Q', Buffer.from('SELECT 1\0')),
      typed('P', Buffer.from('\0SELECT $1\0\0\0')),
      typed('B', Buffer.alloc(10)),
      typed('E', Buffer.from('\0\0\0\0\0')),
      typed('S', Buffer.alloc(0)),
      typed('Q', Buffer.from('COMMIT\0')),
    ]);
    for (let i = 0; i < stream.length; i += 3) counter.feed(stream.subarray(i, i + 3));
    expect(counter.statements).toBe(3);
  });
});

describe('percentiles', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(
      percentile(
        [...values].sort((a, b) => a - b),
        99,
      ),
    ).toBe(99);
    expect(summarize(values)).toMatchObject({ count: 100, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
    expect(summarize([]).count).toBe(0);
  });
});
