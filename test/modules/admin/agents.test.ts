import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { deploymentWithAgent, enqueue, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer } from '../../helpers/auth.js';

// One scenario over a moving clock (the clock starts at the real time: agents sign with it).
const clock = new ManualClock(new Date());
let t: TestApp;
const agents: Record<'active' | 'silent' | 'busy' | 'plain' | 'switchedOff' | 'revoked', Fixture> =
  {} as never;

const COMPOSE = ['status_panel', 'docker', 'compose_agent'];

beforeAll(async () => {
  t = await buildTestApp({ clock });
  agents.active = await deploymentWithAgent(t, { capabilities: COMPOSE, clock });
  agents.silent = await deploymentWithAgent(t, { capabilities: COMPOSE, clock });
  agents.busy = await deploymentWithAgent(t, { capabilities: COMPOSE, clock });
  agents.plain = await deploymentWithAgent(t, { capabilities: ['status_panel', 'docker'], clock });
  agents.switchedOff = await deploymentWithAgent(t, { capabilities: ['docker', 'compose_agent=off'], clock });
  agents.revoked = await deploymentWithAgent(t, { capabilities: COMPOSE, clock });
  await t.database.db
    .updateTable('agent')
    .set({ revoked_at: clock.now() })
    .where('id', '=', agents.revoked.agent.id)
    .execute();
  // Registration times come from the database's clock; the heartbeats come later on the app's.
  clock.advance(5_000);
  for (const f of [agents.active, agents.busy, agents.plain, agents.switchedOff]) await f.agent.appStatus();
  // The busy agent takes a long command: its lease (an hour and a minute) keeps it online.
  await enqueue(t, agents.busy, 'restart', { app_code: 'web' }, { timeout_seconds: 3600 });
  expect((await agents.busy.agent.poll(5)).json().item).not.toBeNull();
});
afterAll(async () => {
  await t.close();
});

async function gauge(): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url: '/metrics' });
  const line = res.body.split('\n').find((l) => l.startsWith('stacker_compose_agents_offline '));
  return Number(line?.split(' ')[1]);
}

async function list(query: string, user: 'admin' | 'vendor' = 'admin') {
  return t.app.inject({ method: 'GET', url: `/api/admin/agents${query}`, headers: bearer(user) });
}

const hashes = (res: { json(): { list: { deployment_hash: string }[] } }) =>
  res
    .json()
    .list.map((a) => a.deployment_hash)
    .sort();

describe('compose agent offline alerting', () => {
  it('counts nothing while every compose agent has been heard from within 15 minutes', async () => {
    expect(await gauge()).toBe(0);
    const res = await list('?offline_for=15m&capability=compose_agent');
    expect(res.statusCode).toBe(200);
    expect(res.json().list).toEqual([]);
  });

  it('lists every agent by liveness, longest silent first', async () => {
    const res = await list('');
    const byHash = Object.fromEntries(
      res.json().list.map((a: { deployment_hash: string }) => [a.deployment_hash, a]),
    );
    expect(Object.keys(byHash)).not.toContain(agents.revoked.hash);
    expect(byHash[agents.silent.hash]).toMatchObject({ status: 'offline', last_heartbeat: null });
    expect(byHash[agents.active.hash]).toMatchObject({
      agent_id: agents.active.agent.id,
      status: 'online',
      offline_for_secs: null,
      capabilities: COMPOSE,
      compose_agent_registered: false,
      version: '0.2.1',
    });
    expect(res.json().list[0].deployment_hash).toBe(agents.silent.hash);
  });

  it('after 15 minutes of silence: the gauge counts them and the admin list names them', async () => {
    clock.advance(16 * 60 * 1000);
    // active and silent; not busy (lease), plain (no compose_agent), switchedOff (=off) or revoked.
    expect(await gauge()).toBe(2);
    const res = await list('?offline_for=15m&capability=compose_agent');
    expect(hashes(res)).toEqual([agents.active.hash, agents.silent.hash].sort());
    for (const agent of res.json().list) {
      expect(agent.status).toBe('offline');
      expect(agent.offline_for_secs).toBeGreaterThanOrEqual(15 * 60);
    }
    // Without the capability filter the plain agent shows up too; with a longer window, nobody.
    expect(hashes(await list('?offline_for=900'))).toContain(agents.plain.hash);
    expect((await list('?offline_for=1h&capability=compose_agent')).json().list).toEqual([]);
  });

  it('stops counting an agent as soon as it calls again', async () => {
    await agents.active.agent.appStatus();
    expect(await gauge()).toBe(1);
    expect(hashes(await list('?offline_for=15m&capability=compose_agent'))).toEqual([agents.silent.hash]);
  });

  it('pages with an opaque cursor', async () => {
    const first = await list('?limit=2');
    expect(first.json().list).toHaveLength(2);
    const cursor = first.json().meta.next_cursor as string;
    expect(cursor).toEqual(expect.any(String));
    const second = await list(`?limit=10&cursor=${encodeURIComponent(cursor)}`);
    const seen = [...hashes(first), ...hashes(second)];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(5);
  });

  it('is for admins only, and refuses a malformed duration or cursor', async () => {
    expect((await list('', 'vendor')).statusCode).toBe(403);
    expect((await list('?offline_for=15 minutes')).statusCode).toBe(400);
    expect((await list('?cursor=nonsense')).json().code).toBe('invalid_cursor');
  });
});
