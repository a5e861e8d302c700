import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { RATE_LIMIT_WINDOW_MS } from '../../../src/infra/rate-limit/bucket-limits.js';
import { enqueue } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import type { AgentCommand } from '../../helpers/fake-agent.js';
import { expectSecretsRedacted, get, logsResult, onlineDeployment, post } from './helpers.js';

// The clock starts at the real time (agent signatures are checked against it) and moves a full
// rate-limit window before each test, so every test starts with whole budgets.
const clock = new ManualClock(new Date());
let t: TestApp;
let slow: TestApp;
beforeAll(async () => {
  [t, slow] = await Promise.all([
    buildTestApp({ clock }),
    buildTestApp({ env: { HEALTH_CHECK_TIMEOUT_SECS: '1' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([t.close(), slow.close()]);
});
beforeEach(() => clock.advance(RATE_LIMIT_WINDOW_MS));

const containerUrl = (hash: string, app: string, action: string) =>
  `/api/v1/deployments/${hash}/containers/${app}/${action}`;

const restartResult = (command: AgentCommand) => ({
  app_code: command.parameters.app_code,
  container_state: 'running',
  deployment_hash: command.deployment_hash,
  status: 'ok',
  type: command.type,
});

describe('legacy container routes', () => {
  it('enqueues a restart (202, the Command) that the agent runs and reports', async () => {
    const f = await onlineDeployment(t, { clock });
    const res = await post(t, containerUrl(f.hash, 'web', 'restart'));
    expect(res.statusCode).toBe(202);
    const command = res.json().item;
    expect(res.json().message).toBe('Command enqueued');
    expect(command).toMatchObject({
      type: 'restart',
      status: 'queued',
      deployment_hash: f.hash,
      parameters: { app_code: 'web', force: false },
    });

    const ran = await f.agent.runOnce(restartResult, 5);
    expect(ran?.command_id).toBe(command.command_id);
    const read = await get(t, `/api/v1/commands/${f.hash}/${command.command_id}`);
    expect(read.json().item).toMatchObject({
      status: 'completed',
      result: { status: 'ok', type: 'restart' },
    });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'target'])
      .where('deployment_hash', '=', f.hash)
      .where('action', '=', 'command.enqueued')
      .execute();
    expect(audit).toEqual([
      { action: 'command.enqueued', actor_id: expect.any(String), target: command.command_id },
    ]);
  });

  it('passes start and stop options through the catalog', async () => {
    const f = await onlineDeployment(t, { clock });
    const stop = await post(t, containerUrl(f.hash, 'db', 'stop'), 'vendor', {
      timeout: 10,
      container: 'db-1',
    });
    expect(stop.statusCode).toBe(202);
    expect(stop.json().item.parameters).toEqual({ app_code: 'db', container: 'db-1', timeout: 10 });
    const start = await post(t, containerUrl(f.hash, 'db', 'start'));
    expect(start.json().item).toMatchObject({ type: 'start', parameters: { app_code: 'db' } });
  });

  it('validates like the command API: 400 for a bad app code or option; a missing capability still queues', async () => {
    const f = await onlineDeployment(t, { clock });
    const badApp = await post(t, containerUrl(f.hash, 'Web!', 'restart'));
    expect(badApp.statusCode).toBe(400);
    expect(badApp.json().errors[0].path).toBe('parameters.app_code');
    const badTimeout = await post(t, containerUrl(f.hash, 'web', 'stop'), 'vendor', { timeout: 0 });
    expect(badTimeout.statusCode).toBe(400);
    expect(badTimeout.json().errors[0].path).toBe('parameters.timeout');

    const noDocker = await onlineDeployment(t, { clock, capabilities: ['status_panel', 'logs'] });
    const queued = await post(t, containerUrl(noDocker.hash, 'web', 'restart'));
    expect(queued.statusCode).toBe(202);
    expect(queued.json().item).toMatchObject({ type: 'restart', status: 'queued' });
  });

  it("answers 404 for another user's deployment, on every route", async () => {
    const f = await onlineDeployment(t, { clock });
    for (const action of ['restart', 'start', 'stop']) {
      expect((await post(t, containerUrl(f.hash, 'web', action), 'customerFree')).statusCode).toBe(404);
    }
    expect((await get(t, containerUrl(f.hash, 'web', 'logs'), 'customerFree')).statusCode).toBe(404);
  });
});

describe('GET .../containers/{app_code}/logs', () => {
  it('returns the lines with an AWS key, a JWT, a DSN password and a PEM block redacted', async () => {
    const f = await onlineDeployment(t, { clock });
    const [res, ran] = await Promise.all([
      get(t, `${containerUrl(f.hash, 'web', 'logs')}?limit=50&cursor=0`),
      f.agent.runOnce(logsResult, 5),
    ]);
    expect(ran?.parameters).toMatchObject({ app_code: 'web', limit: 50, cursor: '0', redact: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().item).toMatchObject({ type: 'logs', app_code: 'web', truncated: false });
    expectSecretsRedacted(res);
    // Stored redacted too: the command API shows the same lines.
    const stored = await get(t, `/api/v1/commands/${f.hash}/${ran?.command_id}`);
    for (const line of stored.json().item.result.lines) expect(res.json().item.lines).toContainEqual(line);
  });

  it('answers 202 when the agent is slow and 400 for a limit outside 1..1000', async () => {
    const f = await onlineDeployment(slow);
    const pending = await get(slow, containerUrl(f.hash, 'web', 'logs'));
    expect(pending.statusCode).toBe(202);
    expect(pending.json()).toMatchObject({ message: 'Logs pending', status: 'pending' });
    const tooMany = await get(slow, `${containerUrl(f.hash, 'web', 'logs')}?limit=1001`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].path).toBe('parameters.limit');
  });
});

describe('plan rate limits on the container routes', () => {
  it('answers the free plan 429 on the 4th restart in a minute, with Retry-After', async () => {
    const f = await onlineDeployment(t, { clock, owner: 'customerFree' });
    const replies = [];
    for (let i = 0; i < 4; i++)
      replies.push(await post(t, containerUrl(f.hash, 'web', 'restart'), 'customerFree'));
    expect(replies.map((r) => r.statusCode)).toEqual([202, 202, 202, 429]);
    expect(replies.slice(0, 3).map((r) => r.headers['ratelimit-remaining'])).toEqual(['2', '1', '0']);
    const limited = replies[3]!;
    expect(limited.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.headers['ratelimit-limit']).toBe('3');
    // Nothing was queued for the refused call.
    const queued = await t.database.db
      .selectFrom('command')
      .select('command_id')
      .where('deployment_hash', '=', f.hash)
      .execute();
    expect(queued).toHaveLength(3);
    clock.advance(RATE_LIMIT_WINDOW_MS);
    expect((await post(t, containerUrl(f.hash, 'web', 'restart'), 'customerFree')).statusCode).toBe(202);
  });

  it('shares the restart bucket between start, stop, restart and the command API', async () => {
    const f = await onlineDeployment(t, { clock, owner: 'customerFree' });
    expect((await post(t, containerUrl(f.hash, 'web', 'stop'), 'customerFree')).statusCode).toBe(202);
    await enqueue(t, f, 'restart', { app_code: 'web' });
    expect((await post(t, containerUrl(f.hash, 'web', 'start'), 'customerFree')).statusCode).toBe(202);
    const fourth = await t.app.inject({
      method: 'POST',
      url: '/api/v1/commands',
      headers: f.owner,
      payload: { deployment_hash: f.hash, command_type: 'pause', parameters: { app_code: 'web' } },
    });
    expect(fourth.statusCode).toBe(429);
  });

  it('spends the logs bucket on logs commands and the logs route (free: 10 a minute)', async () => {
    const f = await onlineDeployment(t, { clock, owner: 'customerFree' });
    for (let i = 0; i < 10; i++) await enqueue(t, f, 'logs', { app_code: 'web' });
    const res = await get(t, containerUrl(f.hash, 'web', 'logs'), 'customerFree');
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    // Health checks are in no bucket.
    expect((await enqueue(t, f, 'health', { app_code: 'web' })).status).toBe('queued');
  });

  it('never answers 429 for a deployment that is not the caller’s (404 first)', async () => {
    const f = await onlineDeployment(t, { clock, owner: 'customerPro' });
    const replies = [];
    for (let i = 0; i < 5; i++)
      replies.push(await post(t, containerUrl(f.hash, 'web', 'restart'), 'customerFree'));
    expect(new Set(replies.map((r) => r.statusCode))).toEqual(new Set([404]));
    expect(replies.every((r) => r.headers['ratelimit-limit'] === undefined)).toBe(true);
  });
});
