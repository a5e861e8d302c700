import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentWithAgent, enqueue, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { type AgentCommand, healthResult } from '../../helpers/fake-agent.js';
import { sleep } from '../../helpers/wait.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const ids = (res: { json(): { list: { command_id: string }[] } }) => res.json().list.map((c) => c.command_id);

describe('reading commands', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await deploymentWithAgent(t);
  });

  it('lists newest first, page by page, results only when asked', async () => {
    const made: string[] = [];
    for (const app of ['a1', 'a2', 'a3', 'a4', 'a5'])
      made.push((await enqueue(t, f, 'restart', { app_code: app })).command_id);
    const delivered = (await f.agent.poll(5)).json().item as AgentCommand;
    await f.agent.report(delivered, {
      type: 'restart',
      deployment_hash: f.hash,
      app_code: 'a1',
      status: 'ok',
      container_state: 'running',
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof get>> = await get(
        `/api/v1/commands/${f.hash}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        f.owner,
      );
      expect(page.statusCode).toBe(200);
      seen.push(...ids(page));
      cursor = page.json().meta.next_cursor;
      expect(page.json().meta.next_since).toMatch(/^c\d+\./);
    } while (cursor);
    expect(seen).toEqual([...made].reverse());

    const lean = await get(`/api/v1/commands/${f.hash}`, f.owner);
    expect(lean.json().list.every((c: { result: unknown }) => c.result === null)).toBe(true);
    const full = await get(`/api/v1/commands/${f.hash}?include_results=true`, f.owner);
    expect(
      full.json().list.find((c: { command_id: string }) => c.command_id === made[0]).result,
    ).toMatchObject({
      status: 'ok',
    });
  });

  it("hides someone else's deployment (404) and lets admins read", async () => {
    expect((await get(`/api/v1/commands/${f.hash}`, bearer('customerPro'))).statusCode).toBe(404);
    expect((await get(`/api/v1/commands/${f.hash}/latest`, bearer('customerPro'))).statusCode).toBe(404);
    expect((await get(`/api/v1/commands/${f.hash}`, bearer('admin'))).statusCode).toBe(200);
    expect((await get('/api/v1/commands/deployment_nope', f.owner)).statusCode).toBe(404);
  });

  it('gets one command, 404 for one of another deployment', async () => {
    const other = await deploymentWithAgent(t);
    const theirs = await enqueue(t, other, 'health', { app_code: 'web' });
    const mine = await enqueue(t, f, 'health', { app_code: 'one' });
    expect((await get(`/api/v1/commands/${f.hash}/${mine.command_id}`, f.owner)).json().item.command_id).toBe(
      mine.command_id,
    );
    expect((await get(`/api/v1/commands/${f.hash}/${theirs.command_id}`, f.owner)).statusCode).toBe(404);
    expect((await get(`/api/v1/commands/${f.hash}/cmd_unknown`, f.owner)).statusCode).toBe(404);
  });

  it('aggregates the newest command per (type, app_code) in SQL', async () => {
    const g = await deploymentWithAgent(t);
    await enqueue(t, g, 'logs', { app_code: 'web' });
    const newestLogs = await enqueue(t, g, 'logs', { app_code: 'web', limit: 10 });
    const restartWeb = await enqueue(t, g, 'restart', { app_code: 'web' });
    const restartDb = await enqueue(t, g, 'restart', { app_code: 'db' });
    const listContainers = await enqueue(t, g, 'list_containers');
    const res = await get(`/api/v1/commands/${g.hash}/latest`, g.owner);
    expect(res.statusCode).toBe(200);
    expect(new Set(ids(res))).toEqual(
      new Set([
        newestLogs.command_id,
        restartWeb.command_id,
        restartDb.command_id,
        listContainers.command_id,
      ]),
    );
  });
});

describe('cancel', () => {
  it('cancels queued commands only', async () => {
    const f = await deploymentWithAgent(t);
    const cancel = (id: string, headers = f.owner) =>
      t.app.inject({ method: 'POST', url: `/api/v1/commands/${f.hash}/${id}/cancel`, headers });
    const queued = await enqueue(t, f, 'restart', { app_code: 'web' });
    expect((await cancel(queued.command_id, bearer('customerPro'))).statusCode).toBe(404);
    const res = await cancel(queued.command_id);
    expect(res.statusCode).toBe(200);
    expect(res.json().item).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });
    const again = await cancel(queued.command_id);
    expect(again.json()).toMatchObject({
      status: 409,
      code: 'invalid_transition',
      detail: expect.stringContaining('cancelled'),
    });

    const sent = await enqueue(t, f, 'restart', { app_code: 'db' });
    expect((await f.agent.poll(5)).json().item.command_id).toBe(sent.command_id);
    expect((await cancel(sent.command_id)).json()).toMatchObject({
      status: 409,
      code: 'command_in_progress',
    });
    expect((await cancel('cmd_nope')).statusCode).toBe(404);
  });
});

describe('following changes', () => {
  it('returns the changes after a cursor, then nothing', async () => {
    const f = await deploymentWithAgent(t);
    const start = (await get(`/api/v1/commands/${f.hash}`, f.owner)).json().meta.next_since;
    const queued = await enqueue(t, f, 'health', { app_code: 'web' });
    const first = await get(`/api/v1/commands/${f.hash}?since=${start}`, f.owner);
    expect(ids(first)).toEqual([queued.command_id]);
    const next = first.json().meta.next_since;
    expect(ids(await get(`/api/v1/commands/${f.hash}?since=${next}`, f.owner))).toEqual([]);
    const item = (await f.agent.poll(5)).json().item as AgentCommand;
    await f.agent.report(item, healthResult(item));
    const changed = await get(`/api/v1/commands/${f.hash}?since=${next}&include_results=true`, f.owner);
    expect(changed.json().list).toHaveLength(1);
    expect(changed.json().list[0]).toMatchObject({ command_id: queued.command_id, status: 'completed' });
  });

  it('accepts an RFC 3339 time and refuses garbage', async () => {
    const f = await deploymentWithAgent(t);
    const since = new Date(Date.now() - 60_000).toISOString();
    const queued = await enqueue(t, f, 'health', { app_code: 'web' });
    expect(ids(await get(`/api/v1/commands/${f.hash}?since=${since}`, f.owner))).toEqual([queued.command_id]);
    const bad = await get(`/api/v1/commands/${f.hash}?since=yesterday`, f.owner);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_cursor');
  });

  it('waits up to wait_ms for the first change and is woken by it', async () => {
    const f = await deploymentWithAgent(t);
    const start = (await get(`/api/v1/commands/${f.hash}`, f.owner)).json().meta.next_since;
    const pending = get(`/api/v1/commands/${f.hash}?since=${start}&wait_ms=10000`, f.owner);
    await sleep(50, 'let the feed park, so the wake-up path is what answers');
    const began = Date.now();
    const queued = await enqueue(t, f, 'health', { app_code: 'web' });
    expect(ids(await pending)).toEqual([queued.command_id]);
    expect(Date.now() - began).toBeLessThan(2_000);
    const quiet = Date.now();
    const empty = await get(
      `/api/v1/commands/${f.hash}?since=${(await pending).json().meta.next_since}&wait_ms=300`,
      f.owner,
    );
    expect(ids(empty)).toEqual([]);
    expect(Date.now() - quiet).toBeGreaterThanOrEqual(250);
  });

  it('never misses a change committed after a later one (out-of-order commits)', async () => {
    const f = await deploymentWithAgent(t);
    const x = await enqueue(t, f, 'restart', { app_code: 'x' });
    const y = await enqueue(t, f, 'restart', { app_code: 'y' });
    const c0 = (await get(`/api/v1/commands/${f.hash}`, f.owner)).json().meta.next_since;
    const slow = await t.database.pool.connect();
    try {
      await slow.query('BEGIN');
      // X takes its change_seq first...
      await slow.query(`UPDATE command SET metadata = '{"step":"slow"}' WHERE command_id = $1`, [
        x.command_id,
      ]);
      // ...Y takes a later one and commits first.
      await t.database.pool.query(`UPDATE command SET metadata = '{"step":"fast"}' WHERE command_id = $1`, [
        y.command_id,
      ]);
      const r1 = await get(`/api/v1/commands/${f.hash}?since=${c0}`, f.owner);
      expect(ids(r1)).toEqual([y.command_id]);
      const c1 = r1.json().meta.next_since;
      await slow.query('COMMIT');
      const r2 = await get(`/api/v1/commands/${f.hash}?since=${c1}`, f.owner);
      expect(ids(r2)).toEqual([x.command_id]);
      const r3 = await get(`/api/v1/commands/${f.hash}?since=${r2.json().meta.next_since}`, f.owner);
      expect(ids(r3)).toEqual([]);
    } finally {
      await slow.query('ROLLBACK').catch(() => {});
      slow.release();
    }
  });

  it("answers 404 for someone else's deployment before waiting or parsing the cursor", async () => {
    const f = await deploymentWithAgent(t);
    const other = await insertDeployment(t.database.db, { userId: userId('customerPro') });
    const started = Date.now();
    const res = await get(`/api/v1/commands/${other}?since=garbage&wait_ms=5000`, f.owner);
    expect(res.statusCode).toBe(404);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers a waiting wait_ms read at once when the app shuts down', async () => {
    // Shares the database, so closing this app cannot drop it under the read that answers the wait.
    const s = await buildTestApp({
      database: t.database,
      secretBox: t.app.secretBox,
      userService: t.userService,
    });
    const f = await deploymentWithAgent(s);
    const start = (
      await s.app.inject({ method: 'GET', url: `/api/v1/commands/${f.hash}`, headers: f.owner })
    ).json().meta.next_since;
    const pending = s.app.inject({
      method: 'GET',
      url: `/api/v1/commands/${f.hash}?since=${start}&wait_ms=30000`,
      headers: f.owner,
    });
    await sleep(50, 'let the feed park, so the wake-up path is what answers');
    const began = Date.now();
    await s.close();
    const res = await pending;
    expect(res.statusCode).toBe(200);
    expect(res.json().list).toEqual([]);
    expect(Date.now() - began).toBeLessThan(5_000);
  });
});
