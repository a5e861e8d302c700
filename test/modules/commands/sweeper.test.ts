import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import {
  purgeFinishedCommands,
  purgeReplayStore,
  revokeDeploymentAgentAndCommands,
  sweepExpiredLeases,
  sweepExpiredQueued,
} from '../../../src/modules/commands/index.js';
import { deploymentWithAgent, enqueue, type Fixture, waitingPolls } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { waitUntil } from '../../helpers/wait.js';

const clock = new ManualClock(new Date('2026-01-09T00:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

const deps = () => ({ db: t.database.db, config: t.config });
/** Sweeps are global and the clock is shared: look only at this test's deployment. */
const of = (hash: string, swept: { deployment_hash: string; command_id: string }[]) =>
  swept.filter((s) => s.deployment_hash === hash).map((s) => s.command_id);
const row = (commandId: string) =>
  t.database.db
    .selectFrom('command')
    .select(['status', 'attempts', 'error', 'sent_at', 'lease_expires_at'])
    .where('command_id', '=', commandId)
    .executeTakeFirstOrThrow();

describe('lease expiry', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await deploymentWithAgent(t, { clock });
  });

  it('re-queues a read-only command whose agent vanished, up to 3 attempts, then agent_timeout', async () => {
    const queued = await enqueue(t, f, 'health', { app_code: 'web' });
    for (let attempt = 1; attempt <= 3; attempt++) {
      const delivered = (await f.agent.poll(5)).json().item;
      expect(delivered).toMatchObject({ command_id: queued.command_id, attempts: attempt });
      // Lease: max(timeout_seconds 300, AGENT_ASSUMED_TIMEOUT_SECS 300) + AGENT_LEASE_GRACE_SECS 60.
      clock.advance(359_000);
      expect(await sweepExpiredLeases(deps(), clock.now())).toEqual([]);
      clock.advance(2_000);
      const swept = await sweepExpiredLeases(deps(), clock.now());
      expect(swept.map((s) => s.action)).toEqual([attempt < 3 ? 'requeued' : 'failed']);
    }
    expect(await row(queued.command_id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { code: 'agent_timeout' },
      lease_expires_at: null,
    });
  });

  it('fails a mutating command with agent_timeout at once: a restart never runs twice', async () => {
    const queued = await enqueue(t, f, 'restart', { app_code: 'web' });
    await f.agent.poll(5);
    clock.advance(361_000);
    const swept = (await sweepExpiredLeases(deps(), clock.now())).filter((x) => x.deployment_hash === f.hash);
    expect(swept).toMatchObject([{ command_id: queued.command_id, action: 'failed' }]);
    expect(await row(queued.command_id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'agent_timeout' },
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['outcome', 'actor_type'])
      .where('action', '=', 'command.lease_expired')
      .where('target', '=', queued.command_id)
      .execute();
    expect(audit).toEqual([{ outcome: 'failed', actor_type: 'system' }]);
  });

  it("gives a long command's lease its own timeout when longer than the assumed one", async () => {
    const queued = await enqueue(t, f, 'restart', { app_code: 'slow' }, { timeout_seconds: 1200 });
    await f.agent.poll(5);
    clock.advance(1_000_000);
    expect(await sweepExpiredLeases(deps(), clock.now())).toEqual([]);
    clock.advance(261_000);
    expect(of(f.hash, await sweepExpiredLeases(deps(), clock.now()))).toEqual([queued.command_id]);
  });

  it('hands a re-queued command to the waiting poll at once', async () => {
    const queued = await enqueue(t, f, 'logs', { app_code: 'web' });
    await f.agent.poll(5); // delivered, then the agent "vanished"
    clock.advance(361_000);
    const waiting = f.agent.poll(50);
    await waitUntil(async () => (await waitingPolls(t)) === 1);
    await sweepExpiredLeases(deps(), clock.now());
    expect((await waiting).json().item).toMatchObject({ command_id: queued.command_id, attempts: 2 });
  });

  it('skips a round while another instance holds the sweep lock', async () => {
    const queued = await enqueue(t, f, 'restart', { app_code: 'locked' });
    await f.agent.poll(5);
    clock.advance(361_000);
    await t.database.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended('stacker:commands:leases', 0))`.execute(trx);
      expect(await sweepExpiredLeases(deps(), clock.now())).toEqual([]);
    });
    expect(of(f.hash, await sweepExpiredLeases(deps(), clock.now()))).toContain(queued.command_id);
    expect((await row(queued.command_id)).status).toBe('failed');
  });
});

describe('queued TTLs', () => {
  it('cancels never-delivered commands as expired: read-only after 300 s, mutating after 900 s', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const health = await enqueue(t, f, 'health', { app_code: 'web' });
    const restart = await enqueue(t, f, 'restart', { app_code: 'web' });
    clock.advance(299_000);
    expect(of(f.hash, await sweepExpiredQueued(deps(), clock.now()))).toEqual([]);
    clock.advance(2_000);
    expect(of(f.hash, await sweepExpiredQueued(deps(), clock.now()))).toEqual([health.command_id]);
    expect(await row(health.command_id)).toMatchObject({ status: 'cancelled', error: { code: 'expired' } });
    clock.advance(600_000);
    expect(of(f.hash, await sweepExpiredQueued(deps(), clock.now()))).toEqual([restart.command_id]);
    // A day-old restart never fires: the agent that comes back finds nothing.
    const polled = f.agent.poll(5);
    await waitUntil(async () => (await waitingPolls(t)) === 1);
    clock.advance(6_000);
    expect((await polled).json().item).toBeNull();
  });

  it('counts a re-queued command from its re-queue', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const queued = await enqueue(t, f, 'health', { app_code: 'web' });
    await f.agent.poll(5);
    clock.advance(361_000);
    await sweepExpiredLeases(deps(), clock.now());
    expect(of(f.hash, await sweepExpiredQueued(deps(), clock.now()))).toEqual([]);
    clock.advance(301_000);
    expect(of(f.hash, await sweepExpiredQueued(deps(), clock.now()))).toEqual([queued.command_id]);
  });
});

describe('retention and purges', () => {
  it('deletes finished commands older than COMMAND_RETENTION_DAYS, in batches, and nothing else', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const old = new Date(clock.now().getTime() - 31 * 86_400_000);
    await sql`
      INSERT INTO command (command_id, deployment_hash, type, status, created_by, completed_at)
      SELECT 'cmd_old_' || g, ${f.hash}, 'restart', 'completed', 'x', ${old}::timestamptz
      FROM generate_series(1, 1200) g`.execute(t.database.db);
    const recent = await enqueue(t, f, 'restart', { app_code: 'keep' });
    await t.database.db
      .updateTable('command')
      .set({ status: 'completed', completed_at: clock.now() })
      .where('command_id', '=', recent.command_id)
      .execute();
    const queued = await enqueue(t, f, 'restart', { app_code: 'queued' });
    expect(await purgeFinishedCommands(deps(), clock.now())).toBe(1200);
    const left = await t.database.db
      .selectFrom('command')
      .select('command_id')
      .where('deployment_hash', '=', f.hash)
      .execute();
    expect(left.map((r) => r.command_id).sort()).toEqual([recent.command_id, queued.command_id].sort());
  });

  it('purges expired replay-store rows only', async () => {
    const f = await deploymentWithAgent(t, { clock });
    await f.agent.appStatus(); // one fresh row
    await t.database.db
      .insertInto('agent_request_seen')
      .values({
        agent_id: f.agent.id,
        request_id: 'old-one',
        expires_at: new Date(clock.now().getTime() - 1000),
      })
      .execute();
    expect(await purgeReplayStore(deps(), clock.now())).toBeGreaterThanOrEqual(1);
    const left = await t.database.db
      .selectFrom('agent_request_seen')
      .select('request_id')
      .where('agent_id', '=', f.agent.id)
      .execute();
    expect(left).toHaveLength(1);
    expect(left[0]!.request_id).not.toBe('old-one');
  });
});

describe('deleting a deployment', () => {
  it('revokes the agent (401 from then on) and cancels its queued commands', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const queued = await enqueue(t, f, 'restart', { app_code: 'a' });
    const inFlight = await enqueue(t, f, 'restart', { app_code: 'b' });
    await f.agent.poll(5); // takes the older one: a
    expect((await f.agent.appStatus()).statusCode).toBe(200);
    const result = await t.database.db
      .transaction()
      .execute((trx) => revokeDeploymentAgentAndCommands(trx, f.hash, clock.now()));
    expect(result.agentId).toBe(f.agent.id);
    expect(result.cancelled).toEqual([inFlight.command_id]);
    expect(await row(inFlight.command_id)).toMatchObject({
      status: 'cancelled',
      error: { code: 'deployment_deleted' },
    });
    expect((await row(queued.command_id)).status).toBe('sent');
    await waitUntil(async () => (await f.agent.appStatus()).statusCode === 401);
  });
});

describe('background jobs', () => {
  it('run the sweeps on their own when the app has backgroundJobs', async () => {
    const bg = await buildTestApp({
      clock,
      backgroundJobs: true,
      database: t.database,
      secretBox: t.app.secretBox,
      userService: t.userService,
    });
    try {
      const f = await deploymentWithAgent(bg, { clock });
      const queued = await enqueue(bg, f, 'restart', { app_code: 'bg' });
      await f.agent.poll(5);
      clock.advance(361_000);
      await waitUntil(async () => (await row(queued.command_id)).status === 'failed', { timeout: 15_000 });
    } finally {
      await bg.close();
    }
  });
});
