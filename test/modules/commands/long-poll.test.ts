import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { deploymentWithAgent, enqueue, waitingPolls } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp, WAITER_TICK_MS } from '../../helpers/app.js';
import { sleep, waitUntil } from '../../helpers/wait.js';

const clock = new ManualClock(new Date('2026-01-09T00:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

const NO_COMMAND = { message: 'No command available', item: null, meta: { next_poll_secs: 0 } };

/** Moves the app clock and gives the waiters' tick (20 ms in tests) three turns to notice. */
async function advance(ms: number) {
  clock.advance(ms);
  await sleep(3 * WAITER_TICK_MS, 'a quiet period: the tick must have seen the new time');
}

describe('the long-poll', () => {
  it('answers "No command available" at the timeout, clamped to 5..AGENT_POLL_MAX_SECS', async () => {
    const f = await deploymentWithAgent(t, { clock });
    let settled = false;
    const short = f.agent.poll(1).finally(() => {
      settled = true;
    });
    await waitUntil(async () => (await waitingPolls(t)) >= 1);
    await advance(4_000);
    expect(settled).toBe(false);
    clock.advance(1_100);
    const res = await short;
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(NO_COMMAND);

    settled = false;
    const long = f.agent.poll(999).finally(() => {
      settled = true;
    });
    await waitUntil(async () => (await waitingPolls(t)) >= 1);
    await advance(49_000);
    expect(settled).toBe(false);
    clock.advance(1_100);
    expect((await long).json()).toEqual(NO_COMMAND);
  });

  it('keeps one waiter per agent: a new poll answers the previous one at once', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const first = f.agent.poll(30);
    await waitUntil(async () => (await waitingPolls(t)) === 1);
    const second = f.agent.poll(30);
    expect((await first).json()).toEqual(NO_COMMAND);
    await waitUntil(async () => (await waitingPolls(t)) === 1);
    const queued = await enqueue(t, f, 'health', { app_code: 'web' });
    expect((await second).json().item.command_id).toBe(queued.command_id);
  });

  it('claims by priority, but never lets a command overtake an older one for the same app', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const stop = await enqueue(t, f, 'stop', { app_code: 'web' });
    clock.advance(1);
    const start = await enqueue(t, f, 'start', { app_code: 'web' }, { priority: 'critical' });
    clock.advance(1);
    const health = await enqueue(t, f, 'health', { app_code: 'db' }, { priority: 'high' });
    clock.advance(1);
    const logs = await enqueue(t, f, 'logs', { app_code: 'cache' }, { priority: 'low' });
    const order: string[] = [];
    for (let i = 0; i < 4; i++) order.push((await f.agent.poll(5)).json().item.command_id);
    expect(order).toEqual([health.command_id, stop.command_id, start.command_id, logs.command_id]);
  });

  it('records a heartbeat at most once per 10 s', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const heartbeat = async () =>
      (
        await t.database.db
          .selectFrom('agent')
          .select('last_heartbeat')
          .where('id', '=', f.agent.id)
          .executeTakeFirstOrThrow()
      ).last_heartbeat?.getTime();
    expect(await heartbeat()).toBeUndefined();
    await f.agent.appStatus();
    const first = await heartbeat();
    expect(first).toBe(clock.now().getTime());
    clock.advance(5_000);
    await f.agent.appStatus();
    expect(await heartbeat()).toBe(first);
    clock.advance(6_000);
    await f.agent.appStatus();
    expect(await heartbeat()).toBe(clock.now().getTime());
  });

  it('records no heartbeat for a replayed request or one naming another deployment', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const other = await deploymentWithAgent(t, { clock });
    const heartbeat = async () =>
      (
        await t.database.db
          .selectFrom('agent')
          .select('last_heartbeat')
          .where('id', '=', f.agent.id)
          .executeTakeFirstOrThrow()
      ).last_heartbeat?.getTime();
    const statusBody = (hash: string) =>
      JSON.stringify({
        app_code: 'web',
        deployment_hash: hash,
        logs: [],
        status: 'running',
        timestamp: clock.now().toISOString(),
      });
    const wrong = await f.agent.post('/api/v1/apps/status', statusBody(other.hash));
    expect(wrong.json().code).toBe('wrong_deployment');
    expect(await heartbeat()).toBeUndefined();

    const fixedId = { 'x-request-id': 'replayed-once' };
    expect((await f.agent.post('/api/v1/apps/status', statusBody(f.hash), fixedId)).statusCode).toBe(200);
    const first = await heartbeat();
    expect(first).toBe(clock.now().getTime());
    clock.advance(11_000);
    const replay = await f.agent.post('/api/v1/apps/status', statusBody(f.hash), fixedId);
    expect(replay.json().code).toBe('replayed_request');
    expect(await heartbeat()).toBe(first);
    expect((await f.agent.appStatus()).statusCode).toBe(200);
    expect(await heartbeat()).toBe(clock.now().getTime());
  });

  it('returns the secret parameters to the agent only', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const queued = await enqueue(t, f, 'deploy_app', {
      app_code: 'web',
      image: 'nginx:1.27',
      env_vars: { DB_PASSWORD: 'hunter2' },
    });
    expect(queued.parameters).toMatchObject({ env_vars: '***', image: 'nginx:1.27' });
    const delivered = (await f.agent.poll(5)).json().item;
    expect(delivered.parameters).toMatchObject({ env_vars: { DB_PASSWORD: 'hunter2' } });
    const row = await t.database.db
      .selectFrom('command')
      .select(['parameters', 'secret_parameters'])
      .where('command_id', '=', queued.command_id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row.parameters)).not.toContain('hunter2');
    expect(row.secret_parameters?.toString('utf8') ?? '').not.toContain('hunter2');
  });
});

describe('over real sockets', () => {
  let base: URL;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = new URL(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`);
  });

  function rawPoll(headers: Record<string, string>, url: string): http.ClientRequest {
    const req = http.request(new URL(url, base), { method: 'GET', headers });
    req.on('error', () => {});
    req.end();
    return req;
  }

  it('drops a waiter whose client went away', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const url = f.agent.waitUrl(30);
    const req = rawPoll(f.agent.headers('GET', url, ''), url);
    await waitUntil(async () => (await waitingPolls(t)) === 1);
    req.destroy();
    await waitUntil(async () => (await waitingPolls(t)) === 0);
  });

  it('puts a claimed command back, attempt uncounted, when the reply cannot be written', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const queued = await enqueue(t, f, 'health', { app_code: 'web' });
    // Hold the claim's UPDATE (SHARE mode lets its SELECT … FOR UPDATE through, not the write).
    const blocker = await t.database.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE command IN SHARE MODE');
      const url = f.agent.waitUrl(30);
      const req = rawPoll(f.agent.headers('GET', url, ''), url);
      await waitUntil(async () => {
        const waiting = await t.database.pool.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%WITH pick AS%'`,
        );
        return (waiting.rowCount ?? 0) > 0;
      });
      req.destroy();
      await sleep(3 * WAITER_TICK_MS, 'the server must see the disconnect while the claim is held');
    } finally {
      await blocker.query('COMMIT');
      blocker.release();
    }
    // It was claimed (the delivery is audited by the claim statement itself)...
    await waitUntil(async () => {
      const delivered = await t.database.db
        .selectFrom('audit_log')
        .select('target')
        .where('action', '=', 'command.delivered')
        .where('target', '=', queued.command_id)
        .execute();
      return delivered.length === 1;
    });
    // ...then put back, because the client was gone.
    await waitUntil(async () => {
      const row = await t.database.db
        .selectFrom('command')
        .select(['status', 'attempts', 'sent_at'])
        .where('command_id', '=', queued.command_id)
        .executeTakeFirstOrThrow();
      return row.status === 'queued' && row.attempts === 0 && row.sent_at === null;
    });
    // The next poll gets it, as its first attempt.
    const again = (await f.agent.poll(5)).json().item;
    expect(again).toMatchObject({ command_id: queued.command_id, attempts: 1 });
  });
});

describe('shutdown', () => {
  it('answers every waiting poll at once with item null and a jittered next_poll_secs of 1–5', async () => {
    const s = await buildTestApp({ clock });
    const polls = [];
    for (let i = 0; i < 5; i++) polls.push((await deploymentWithAgent(s, { clock })).agent.poll(50));
    await waitUntil(async () => (await waitingPolls(s)) === 5);
    const started = Date.now();
    await s.close();
    const replies = (await Promise.all(polls)).map((r) => r.json());
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const reply of replies) {
      expect(reply.item).toBeNull();
      expect(reply.message).toBe('No command available');
      expect(reply.meta.next_poll_secs).toBeGreaterThanOrEqual(1);
      expect(reply.meta.next_poll_secs).toBeLessThanOrEqual(5);
    }
  });
});
