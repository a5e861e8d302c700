import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentWithAgent, enqueue, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { healthResult } from '../../helpers/fake-agent.js';

/*
 * The latest reply is cached per instance (LatestCache) and must stay exact: a change made on one
 * instance is seen by the very next read on the other, with no wait in between.
 */
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await buildTestApp();
  b = await buildTestApp({ database: a.database, secretBox: a.app.secretBox, userService: a.userService });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const latest = (t: TestApp, f: Pick<Fixture, 'hash'>, headers = bearer('vendor')) =>
  t.app.inject({ method: 'GET', url: `/api/v1/commands/${f.hash}/latest`, headers });
const cached = async (t: TestApp) =>
  (await t.app.metrics.getSingleMetric('stacker_command_latest_cached')?.get())?.values[0]?.value ?? 0;

describe('the cached latest reply', () => {
  it('serves a repeated read from the cache, byte for byte the same reply', async () => {
    const f = await deploymentWithAgent(a);
    await enqueue(a, f, 'health', { app_code: 'web' });
    const first = await latest(a, f);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(await cached(a)).toBeGreaterThan(0);
    const again = await latest(a, f);
    expect(again.body).toBe(first.body);
    expect(again.json().list).toHaveLength(1);
  });

  it('shows a command enqueued on the other instance to the very next read (read-your-writes)', async () => {
    const f = await deploymentWithAgent(a);
    for (let round = 0; round < 10; round++) {
      await latest(a, f);
      const queued = await enqueue(b, f, 'logs', { app_code: `app${round}` });
      const ids = (await latest(a, f)).json().list.map((c: { command_id: string }) => c.command_id);
      expect(ids, `round ${round}`).toContain(queued.command_id);
    }
  });

  it('shows a report made through the other instance at once', async () => {
    const f = await deploymentWithAgent(b);
    const queued = await enqueue(a, f, 'health', { app_code: 'web' });
    expect((await latest(a, f)).json().list[0].status).toBe('queued');
    const polled = (await f.agent.poll()).json().item;
    expect((await latest(a, f)).json().list[0].status).toBe('sent');
    await f.agent.report(polled, healthResult(polled));
    const after = (await latest(a, f)).json().list[0];
    expect(after).toMatchObject({ command_id: queued.command_id, status: 'completed' });
  });

  it('follows the deployment row: a new owner reads it, the old one no longer does', async () => {
    const f = await deploymentWithAgent(a);
    await enqueue(a, f, 'health', { app_code: 'web' });
    expect((await latest(a, f)).statusCode).toBe(200);
    expect((await latest(a, f, bearer('customerPro'))).statusCode).toBe(404);
    await sql`UPDATE deployment SET user_id = ${userId('customerPro')} WHERE deployment_hash = ${f.hash}`.execute(
      b.database.db,
    );
    expect((await latest(a, f)).statusCode).toBe(404);
    expect((await latest(a, f, bearer('customerPro'))).statusCode).toBe(200);
  });

  it('follows the retention purge, which deletes finished commands in SQL', async () => {
    const f = await deploymentWithAgent(a);
    await enqueue(a, f, 'health', { app_code: 'web' });
    expect((await latest(a, f)).json().list).toHaveLength(1);
    await sql`DELETE FROM command WHERE deployment_hash = ${f.hash}`.execute(b.database.db);
    expect((await latest(a, f)).json().list).toEqual([]);
  });

  it('reads the database while the LISTEN hub is down, and starts afresh after it reconnects', async () => {
    const f = await deploymentWithAgent(a);
    await enqueue(a, f, 'health', { app_code: 'web' });
    await latest(a, f);
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE application_name = 'stacker-listen-hub' AND datname = current_database()`.execute(
      a.database.db,
    );
    const queued = await enqueue(b, f, 'logs', { app_code: 'db' });
    const ids = (await latest(a, f)).json().list.map((c: { command_id: string }) => c.command_id);
    expect(ids).toContain(queued.command_id);
  });
});
