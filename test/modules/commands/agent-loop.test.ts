import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentWithAgent, enqueue, waitingPolls } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { type AgentCommand, healthResult } from '../../helpers/fake-agent.js';
import { sleep, waitUntil } from '../../helpers/wait.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the agent loop', () => {
  it('runs enqueue → poll → report → read, with the exact compat shapes', async () => {
    const f = await deploymentWithAgent(t);
    const queued = await enqueue(t, f, 'health', { app_code: 'web' });
    expect(queued).toMatchObject({ status: 'queued', type: 'health', priority: 'normal', attempts: 0 });
    expect(queued.command_id).toMatch(/^cmd_[0-9a-f-]{36}$/);

    const polled = await f.agent.poll();
    expect(polled.statusCode).toBe(200);
    const body = polled.json() as { message: string; item: AgentCommand; meta: unknown };
    expect(Object.keys(body)).toEqual(['message', 'item', 'meta']);
    expect(body.message).toBe('Command available');
    expect(body.meta).toEqual({ next_poll_secs: 0 });
    expect(body.item).toMatchObject({
      command_id: queued.command_id,
      type: 'health',
      deployment_hash: f.hash,
      status: 'sent',
      attempts: 1,
      parameters: { app_code: 'web', include_metrics: true, include_system: false },
    });

    // Delivered means delivered: the command stays sent (it is not put back once the reply went out).
    await sleep(50, 'a quiet period: nothing may put a delivered command back');
    const inFlight = await t.app.inject({
      method: 'GET',
      url: `/api/v1/commands/${f.hash}/${queued.command_id}`,
      headers: f.owner,
    });
    expect(inFlight.json().item).toMatchObject({ status: 'sent', attempts: 1 });

    const reported = await f.agent.report(body.item, healthResult(body.item));
    expect(reported.statusCode).toBe(200);
    expect(reported.json()).toEqual({
      message: 'Result accepted',
      item: { accepted: true, command_id: queued.command_id, status: 'completed' },
    });

    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/commands/${f.hash}/${queued.command_id}`,
      headers: f.owner,
    });
    expect(read.statusCode).toBe(200);
    const command = read.json().item;
    expect(command.status).toBe('completed');
    expect(command.result).toMatchObject({
      type: 'health',
      status: 'ok',
      container_state: 'running',
      errors: [],
    });
    expect(command.error).toBeNull();
    expect(command.metadata).toMatchObject({ executed_by: 'status_panel' });
    expect(command.completed_at).not.toBeNull();
  });

  it('wakes a waiting poll as soon as a command is enqueued', async () => {
    const f = await deploymentWithAgent(t);
    const before = await waitingPolls(t);
    const pending = f.agent.poll(30);
    await waitUntil(async () => (await waitingPolls(t)) === before + 1);
    const started = Date.now();
    const queued = await enqueue(t, f, 'restart', { app_code: 'web' });
    const res = await pending;
    expect(res.json().item.command_id).toBe(queued.command_id);
    expect(res.json().item.parameters).toEqual({ app_code: 'web', force: false });
    // Woken by NOTIFY, not by the 2 s safety re-check.
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('runs the loop several times in a row through the FakeAgent', async () => {
    const f = await deploymentWithAgent(t);
    const ids: string[] = [];
    for (const app of ['web', 'db', 'cache'])
      ids.push((await enqueue(t, f, 'health', { app_code: app })).command_id);
    const ran: string[] = [];
    for (let i = 0; i < 3; i++) {
      const command = await f.agent.runOnce((c) => healthResult(c));
      ran.push(command!.command_id);
    }
    expect(ran).toEqual(ids);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/commands/${f.hash}`, headers: f.owner });
    expect(list.json().list.map((c: { status: string }) => c.status)).toEqual([
      'completed',
      'completed',
      'completed',
    ]);
  });
});
