import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { deploymentWithAgent } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer } from '../../helpers/auth.js';
import { FakeAgent } from '../../helpers/fake-agent.js';
import { waitUntil } from '../../helpers/wait.js';

const clock = new ManualClock(new Date('2026-01-09T00:00:00Z'));
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  a = await buildTestApp({ clock, env: { AGENT_AUTH_FAILURES_PER_MINUTE: '5' } });
  // A second instance on the same database, secret key and User Service.
  b = await buildTestApp({
    clock,
    database: a.database,
    secretBox: a.app.secretBox,
    userService: a.userService,
    env: { AGENT_AUTH_FAILURES_PER_MINUTE: '5' },
  });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const failures = (agentId: string) =>
  a.database.db
    .selectFrom('audit_log')
    .select(['outcome', 'details', 'ip', 'deployment_hash'])
    .where('action', '=', 'agent.auth_failure')
    .where('actor_id', '=', agentId)
    .execute();

describe('failures are audited, sampled', () => {
  it('writes at most one row per agent and reason per minute, without the token', async () => {
    const f = await deploymentWithAgent(a, { clock });
    const wrong = new FakeAgent(a.app, f.agent.id, 'w'.repeat(86), f.hash, { clock });
    wrong.remoteAddress = '10.1.0.1';
    for (let i = 0; i < 3; i++) expect((await wrong.appStatus()).statusCode).toBe(401);
    f.agent.remoteAddress = '10.1.0.2';
    const stale = String(Math.floor(clock.now().getTime() / 1000) - 1000);
    for (let i = 0; i < 2; i++) {
      expect((await f.agent.post('/api/v1/apps/status', '{}', { 'x-timestamp': stale })).statusCode).toBe(
        400,
      );
    }
    let rows = await failures(f.agent.id);
    expect(rows.map((r) => r.outcome).sort()).toEqual(['stale_timestamp', 'wrong_token']);
    expect(rows.find((r) => r.outcome === 'wrong_token')).toMatchObject({
      ip: '10.1.0.1',
      deployment_hash: f.hash,
    });
    expect(JSON.stringify(rows)).not.toContain(f.agent.token);

    clock.advance(61_000);
    expect((await wrong.appStatus()).statusCode).toBe(401);
    rows = await failures(f.agent.id);
    expect(rows.filter((r) => r.outcome === 'wrong_token')).toHaveLength(2);
  });
});

describe('the per-address failure limiter', () => {
  it('answers 429 to an address over its budget, but never blocks a valid bearer', async () => {
    const f = await deploymentWithAgent(a, { clock });
    const attacker = new FakeAgent(a.app, f.agent.id, 'a'.repeat(86), f.hash, { clock });
    attacker.remoteAddress = '10.2.0.9';
    f.agent.remoteAddress = '10.2.0.9';
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await attacker.appStatus()).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = await attacker.appStatus();
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().code).toBe('rate_limited');

    // The real agent behind the same address (a NAT) is not locked out.
    expect((await f.agent.appStatus()).statusCode).toBe(200);
    // Another address is not affected, and the window ends.
    attacker.remoteAddress = '10.2.0.10';
    expect((await attacker.appStatus()).statusCode).toBe(401);
    attacker.remoteAddress = '10.2.0.9';
    clock.advance(61_000);
    expect((await attacker.appStatus()).statusCode).toBe(401);
  });
});

describe('across instances', () => {
  it('refuses a request id replayed on another instance', async () => {
    const f = await deploymentWithAgent(a, { clock });
    const body = JSON.stringify({ deployment_hash: f.hash, app_code: 'web', status: 'running', logs: [] });
    const headers = f.agent.headers('POST', '/api/v1/apps/status', body);
    const first = await a.app.inject({ method: 'POST', url: '/api/v1/apps/status', payload: body, headers });
    expect(first.statusCode).toBe(200);
    const replay = await b.app.inject({ method: 'POST', url: '/api/v1/apps/status', payload: body, headers });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe('replayed_request');
  });

  it('keeps the old token working after a rotation until the new one is used, on every instance', async () => {
    const f = await deploymentWithAgent(a, { clock });
    const onB = new FakeAgent(b.app, f.agent.id, f.agent.token, f.hash, { clock });
    expect((await onB.appStatus()).statusCode).toBe(200); // B has cached the token

    const rotated = await a.app.inject({
      method: 'POST',
      url: `/api/v1/agent/${f.agent.id}/rotate-token`,
      headers: f.owner,
    });
    expect(rotated.statusCode).toBe(200);
    const item = rotated.json().data.item;
    expect(item.agent_id).toBe(f.agent.id);
    expect(item.agent_token).not.toBe(f.agent.token);

    // The old token still works on both instances (the agent has not restarted yet)...
    expect((await onB.appStatus()).statusCode).toBe(200);
    expect((await f.agent.appStatus()).statusCode).toBe(200);
    // ...and B knows the new one (its cache was invalidated by NOTIFY).
    const fresh = new FakeAgent(b.app, f.agent.id, item.agent_token, f.hash, { clock });
    await waitUntil(async () => (await fresh.appStatus()).statusCode === 200);
    // First use of the new token retires the old one everywhere.
    await waitUntil(async () => (await f.agent.appStatus()).statusCode === 401);
    expect((await onB.appStatus()).statusCode).toBe(401);
  });

  it('lets a rotated-out token die after AGENT_TOKEN_GRACE_SECS when the new one is never used', async () => {
    const f = await deploymentWithAgent(a, { clock });
    const rotated = await a.app.inject({
      method: 'POST',
      url: `/api/v1/agent/${f.agent.id}/rotate-token`,
      headers: f.owner,
    });
    expect(rotated.statusCode).toBe(200);
    clock.advance((a.config.agent.tokenGraceSecs - 60) * 1000);
    expect((await f.agent.appStatus()).statusCode).toBe(200);
    clock.advance(120_000);
    expect((await f.agent.appStatus()).statusCode).toBe(401);
  });

  it('never loses the token the agent holds when rotations race', async () => {
    const f = await deploymentWithAgent(a, { clock });
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? b : a).app.inject({
          method: 'POST',
          url: `/api/v1/agent/${f.agent.id}/rotate-token`,
          headers: bearer('vendor'),
        }),
      ),
    );
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    // The token the running agent holds keeps working, and so does the one stored last.
    expect((await f.agent.appStatus()).statusCode).toBe(200);
    const row = await a.database.db
      .selectFrom('agent')
      .select(['token_ciphertext'])
      .where('id', '=', f.agent.id)
      .executeTakeFirstOrThrow();
    const current = a.app.secretBox.openString(row.token_ciphertext);
    expect(replies.map((r) => r.json().data.item.agent_token)).toContain(current);
    const latest = new FakeAgent(a.app, f.agent.id, current, f.hash, { clock });
    expect((await latest.appStatus()).statusCode).toBe(200);
  });
});
