import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { claimNextCommand } from '../../../src/modules/commands/claim-repository.js';
import { deploymentWithAgent, enqueue, waitingPolls } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp, WAITER_TICK_MS } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { FakeAgent, insertAgent } from '../../helpers/fake-agent.js';
import { sleep, waitUntil } from '../../helpers/wait.js';

const clock = new ManualClock(new Date('2026-01-09T00:00:00Z'));
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  a = await buildTestApp({ clock });
  b = await buildTestApp({
    clock,
    database: a.database,
    secretBox: a.app.secretBox,
    userService: a.userService,
  });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

/** Moves the app clock and gives the waiters' tick (20 ms in tests) three turns to notice. */
async function advance(ms: number) {
  clock.advance(ms);
  await sleep(3 * WAITER_TICK_MS, 'a quiet period: the tick must have seen the new time');
}

describe('exactly one delivery', () => {
  it('gives a command to exactly one of two concurrent polls on two instances (repeated)', async () => {
    const f = await deploymentWithAgent(a, { clock });
    const onB = new FakeAgent(b.app, f.agent.id, f.agent.token, f.hash, { clock });
    for (let round = 0; round < 20; round++) {
      const queued = await enqueue(a, f, 'restart', { app_code: 'web' });
      const polls = [f.agent.poll(5), onB.poll(5)];
      await Promise.race(polls);
      // The loser is now waiting on its instance (not still on its way in): end it.
      await waitUntil(async () => (await waitingPolls(a)) + (await waitingPolls(b)) === 1);
      // Awaiting the polls is the wait: the tick answers the loser once it sees the new time.
      clock.advance(6_000);
      const items = (await Promise.all(polls)).map((r) => r.json().item?.command_id ?? null);
      expect(
        items.filter((id) => id === queued.command_id),
        `round ${round}`,
      ).toHaveLength(1);
      expect(
        items.filter((id) => id === null),
        `round ${round}`,
      ).toHaveLength(1);
    }
  });

  it('never hands the same row to two claims, however many race', async () => {
    const hash = await insertDeployment(a.database.db, { userId: userId('vendor') });
    const agent = await insertAgent(a.database.db, a.app.secretBox, hash);
    const lease = { assumedTimeoutSecs: 300, graceSecs: 60 };
    for (let round = 0; round < 5; round++) {
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await a.app.inject({
          method: 'POST',
          url: '/api/v1/commands',
          headers: bearer('vendor'),
          payload: {
            deployment_hash: hash,
            command_type: 'logs',
            parameters: { app_code: `app${round}-${i}` },
          },
        });
        ids.push(res.json().item.command_id);
      }
      const claims = await Promise.all(
        Array.from({ length: 24 }, () =>
          claimNextCommand(a.database.db, hash, { agentId: agent.id, ip: null, now: clock.now(), lease }),
        ),
      );
      const claimed = claims.filter((c) => c !== undefined).map((c) => c!.command_id);
      expect(new Set(claimed).size).toBe(claimed.length);
      // SKIP LOCKED may make a claim come back empty while rows remain; none is ever handed out twice.
      for (const id of claimed) expect(ids).toContain(id);
      let rest = await claimNextCommand(a.database.db, hash, {
        agentId: agent.id,
        ip: null,
        now: clock.now(),
        lease,
      });
      while (rest) {
        claimed.push(rest.command_id);
        rest = await claimNextCommand(a.database.db, hash, {
          agentId: agent.id,
          ip: null,
          now: clock.now(),
          lease,
        });
      }
      expect(claimed.sort()).toEqual([...ids].sort());
    }
  });
});

describe('wake-ups across instances', () => {
  it('wakes a poll held on instance B when the command is enqueued on instance A', async () => {
    const f = await deploymentWithAgent(a, { clock });
    const onB = new FakeAgent(b.app, f.agent.id, f.agent.token, f.hash, { clock });
    const pending = onB.poll(30);
    await waitUntil(async () => (await waitingPolls(b)) === 1);
    const started = Date.now();
    const queued = await enqueue(a, f, 'health', { app_code: 'web' });
    expect((await pending).json().item.command_id).toBe(queued.command_id);
    // Well under the 2 s safety re-check: this was the NOTIFY.
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe('the LISTEN connection dies while 100 polls wait', () => {
  it('keeps the polls waiting, reconnects, and still delivers the next enqueues', async () => {
    const agents: FakeAgent[] = [];
    for (let i = 0; i < 100; i++) {
      const hash = await insertDeployment(a.database.db, { userId: userId('vendor') });
      const { id, token } = await insertAgent(a.database.db, a.app.secretBox, hash);
      agents.push(new FakeAgent(a.app, id, token, hash, { clock }));
    }
    const polls = agents.map((agent) => agent.poll(50));
    await waitUntil(async () => (await waitingPolls(a)) === 100, { timeout: 20_000 });

    const killed = await a.database.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = 'stacker-listen-hub' AND datname = current_database()`,
    );
    expect(killed.rowCount).toBeGreaterThanOrEqual(1);
    // Enqueued while the hub may still be down: its NOTIFY can be lost; the re-check finds it.
    const owner = { owner: bearer('vendor') };
    const early = await enqueue(a, { ...owner, hash: agents[7]!.deploymentHash }, 'health', {
      app_code: 'web',
    });
    await waitUntil(() => a.listenHub.connected, { timeout: 10_000 });
    expect(await waitingPolls(a)).toBeGreaterThanOrEqual(99);
    const later = await enqueue(a, { ...owner, hash: agents[42]!.deploymentHash }, 'health', {
      app_code: 'web',
    });

    expect((await polls[7]!).json().item.command_id).toBe(early.command_id);
    expect((await polls[42]!).json().item.command_id).toBe(later.command_id);
    await advance(51_000);
    const replies = await Promise.all(polls);
    expect(replies.every((r) => r.statusCode === 200)).toBe(true);
    expect(replies.filter((r) => r.json().item !== null)).toHaveLength(2);
  });
});
