import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { createDatabase } from '../../../src/infra/db/connection.js';
import { notify } from '../../../src/infra/db/notify.js';
import { pooledStatementTimeout, sessionUrl } from '../../../src/infra/db/pooler.js';
import { deploymentWithAgent, enqueue, waitingPolls } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { FakeAgent, healthResult } from '../../helpers/fake-agent.js';
import {
  PGBOUNCER_MISSING,
  type PgBouncer,
  pgbouncerBinary,
  startPgBouncer,
} from '../../helpers/pgbouncer.js';
import { waitUntil } from '../../helpers/wait.js';

/*
 * Stacker behind a real PgBouncer in transaction pooling (docs/ops/pgbouncer.md): the pools of two
 * instances go through it with DATABASE_POOLER=transaction, their LISTEN hubs connect directly. Fewer
 * server connections than client connections, so consecutive transactions of one client land on
 * different server sessions: anything that leaned on session state would fail here.
 */
const binary = pgbouncerBinary();
if (!binary) console.warn(`skipping the PgBouncer tests: ${PGBOUNCER_MISSING}`);

const POOLER_ENV = { DATABASE_POOLER: 'transaction' } as const;

describe.skipIf(!binary)('behind PgBouncer (transaction pooling)', () => {
  let direct: TestDatabase;
  let bouncer: PgBouncer;
  let pooled: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    direct = await createTestDatabase(2);
    bouncer = await startPgBouncer(direct.url, { poolSize: 3 });
    const handle = createDatabase({
      url: bouncer.url(direct.name),
      poolMax: 10,
      statementTimeoutMs: 30_000,
      pooler: 'transaction',
    });
    // The app's queries go through the pooler; `url` (what the LISTEN hub dials) stays direct.
    pooled = { ...handle, url: direct.url, name: direct.name, drop: () => handle.close() };
    const env = { ...POOLER_ENV, DATABASE_LISTEN_URL: direct.url };
    a = await buildTestApp({ database: pooled, env });
    b = await buildTestApp({
      database: pooled,
      env,
      secretBox: a.app.secretBox,
      userService: a.userService,
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await pooled?.drop();
    await bouncer?.stop();
    await direct?.drop();
  });

  it('runs enqueue → long-poll → report → read through the pooler', async () => {
    const f = await deploymentWithAgent(a);
    const queued = await enqueue(a, f, 'health', { app_code: 'web' });
    const polled = await f.agent.poll();
    expect(polled.statusCode).toBe(200);
    const item = polled.json().item;
    expect(item).toMatchObject({ command_id: queued.command_id, status: 'sent', attempts: 1 });
    const reported = await f.agent.report(item, healthResult(item));
    expect(reported.json().item).toEqual({
      accepted: true,
      command_id: queued.command_id,
      status: 'completed',
    });
    const read = await b.app.inject({
      method: 'GET',
      url: `/api/v1/commands/${f.hash}/${queued.command_id}`,
      headers: f.owner,
    });
    expect(read.json().item).toMatchObject({ status: 'completed', result: { status: 'ok' } });
  });

  it('wakes a poll waiting on one instance for a command enqueued on the other', async () => {
    const f = await deploymentWithAgent(a);
    const before = await waitingPolls(a);
    const pending = f.agent.poll(20);
    await waitUntil(async () => (await waitingPolls(a)) === before + 1);
    const queued = await enqueue(b, f, 'restart', { app_code: 'web' });
    expect((await pending).json().item.command_id).toBe(queued.command_id);
  });

  it('delivers each command exactly once to polls racing on both instances', async () => {
    const f = await deploymentWithAgent(a);
    const onB = new FakeAgent(b.app, f.agent.id, f.agent.token, f.hash, { clock: b.app.clock });
    const delivered: string[] = [];
    const queued: string[] = [];
    for (let round = 0; round < 10; round++) {
      queued.push((await enqueue(a, f, 'logs', { app_code: `app${round}` })).command_id);
      queued.push((await enqueue(b, f, 'logs', { app_code: `app${round}b` })).command_id);
      const replies = await Promise.all([f.agent.poll(1), onB.poll(1)]);
      for (const reply of replies) {
        const id = reply.json().item?.command_id;
        if (id) delivered.push(id);
      }
    }
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered.sort()).toEqual(queued.sort());
  });

  it('multiplexes the clients over fewer server connections', async () => {
    const pools = await bouncer.admin<{ database: string; cl_active: string; sv_active: string }>(
      'SHOW POOLS',
    );
    const pool = pools.find((p) => p.database === direct.name);
    expect(pool).toBeDefined();
    const stats = await bouncer.admin<{ database: string; total_xact_count: string }>('SHOW STATS');
    expect(Number(stats.find((s) => s.database === direct.name)?.total_xact_count)).toBeGreaterThan(20);
    const servers = await bouncer.admin<{ database: string }>('SHOW SERVERS');
    expect(servers.filter((s) => s.database === direct.name).length).toBeLessThanOrEqual(3);
  });

  it('delivers a NOTIFY sent through the pooler to the direct LISTEN hub', async () => {
    let received!: (payload: string) => void;
    const got = new Promise<string>((resolve) => (received = resolve));
    // subscribe resolves once the LISTEN has run on the direct connection.
    await a.listenHub.subscribe('stacker_test_pooler', received);
    await notify(pooled.db, 'stacker_test_pooler', 'hello');
    expect(await got).toBe('hello');
  });

  it('sends no startup parameter PgBouncer would refuse; the timeout comes from the role', async () => {
    // Connecting at all proves it (PgBouncer closes on "unsupported startup parameter"); with no role
    // setting the pooled session has no cap, which main.ts warns about.
    expect(await pooledStatementTimeout(pooled.db)).toBe('0');
  });
});

describe('DATABASE_POOLER', () => {
  it('needs a direct DATABASE_LISTEN_URL and turns prepared statements off by default', () => {
    expect(() => parseConfig({ DATABASE_URL: 'postgres://x@h/db', ...POOLER_ENV })).toThrow(
      /DATABASE_LISTEN_URL/,
    );
    const config = parseConfig({
      DATABASE_URL: 'postgres://x@bouncer/db',
      DATABASE_LISTEN_URL: 'postgres://x@primary/db',
      ...POOLER_ENV,
    });
    expect(config.database).toMatchObject({
      pooler: 'transaction',
      preparedStatements: false,
      listenUrl: 'postgres://x@primary/db',
    });
    // PgBouncer 1.21+ with max_prepared_statements keeps protocol-level prepared statements.
    expect(
      parseConfig({
        DATABASE_URL: 'postgres://x@bouncer/db',
        DATABASE_LISTEN_URL: 'postgres://x@primary/db',
        DATABASE_PREPARED_STATEMENTS: 'true',
        ...POOLER_ENV,
      }).database.preparedStatements,
    ).toBe(true);
    expect(parseConfig({}).database).toMatchObject({ pooler: 'none', preparedStatements: true });
  });

  it('sends LISTEN, and behind a pooler the migrator, to the direct URL', () => {
    const pooled = { pooler: 'transaction', listenUrl: 'postgres://x@primary/db' } as const;
    expect(sessionUrl(pooled, 'postgres://x@bouncer/db', 'listen')).toBe('postgres://x@primary/db');
    expect(sessionUrl(pooled, 'postgres://x@bouncer/db', 'migrate')).toBe('postgres://x@primary/db');
    const plain = { pooler: 'none', listenUrl: 'postgres://x@replica-free/db' } as const;
    expect(sessionUrl(plain, 'postgres://x@primary/db', 'migrate')).toBe('postgres://x@primary/db');
    expect(sessionUrl({ pooler: 'none', listenUrl: undefined }, 'postgres://x@p/db', 'listen')).toBe(
      'postgres://x@p/db',
    );
  });
});
