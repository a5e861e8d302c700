import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { sweepExpiredLeases } from '../../../src/modules/commands/sweeper.js';
import { deploymentWithAgent, enqueue, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { type AgentCommand, healthResult } from '../../helpers/fake-agent.js';

const clock = new ManualClock(new Date('2026-01-09T00:00:00Z'));
let t: TestApp;
let f: Fixture;
beforeAll(async () => {
  t = await buildTestApp({ clock });
  f = await deploymentWithAgent(t, { clock });
});
afterAll(async () => {
  await t.close();
});

async function deliver(type: string, parameters: Record<string, unknown>, fx = f): Promise<AgentCommand> {
  const queued = await enqueue(t, fx, type, parameters);
  const item = (await fx.agent.poll(5)).json().item as AgentCommand;
  expect(item.command_id).toBe(queued.command_id);
  return item;
}

const read = async (commandId: string, fx = f) =>
  (
    await t.app.inject({ method: 'GET', url: `/api/v1/commands/${fx.hash}/${commandId}`, headers: fx.owner })
  ).json().item;

describe('report outcomes', () => {
  it('stores a failed outcome with the agent error, redacted', async () => {
    const command = await deliver('restart', { app_code: 'web' });
    const res = await f.agent.report(command, null, {
      status: 'error',
      error: 'restart failed: POSTGRES_PASSWORD=hunter2 rejected',
    });
    expect(res.json().item).toEqual({ accepted: true, command_id: command.command_id, status: 'failed' });
    const stored = await read(command.command_id);
    expect(stored.status).toBe('failed');
    expect(stored.error.code).toBe('agent_error');
    expect(stored.error.message).toContain('***REDACTED***');
    expect(JSON.stringify(stored)).not.toContain('hunter2');
  });

  it('redacts every string of a logs result, also a key block spanning lines', async () => {
    const command = await deliver('logs', { app_code: 'web' });
    const lines = [
      'booting',
      'DATABASE_URL=postgres://app:s3cr3t@db/app',
      '-----BEGIN PRIVATE KEY-----',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
      '-----END PRIVATE KEY-----',
      ...Array.from({ length: 995 }, (_, i) => `request ${i} served in 3ms`),
    ].map((message, i) => ({
      ts: `2026-01-09T00:00:${String(i % 60).padStart(2, '0')}Z`,
      stream: 'stdout',
      message,
      redacted: false,
    }));
    const result = { type: 'logs', deployment_hash: f.hash, app_code: 'web', truncated: false, lines };
    const res = await f.agent.report(command, result);
    expect(res.statusCode).toBe(200);
    const stored = await read(command.command_id);
    expect(stored.result.lines).toHaveLength(1000);
    expect(stored.result.lines[1]).toMatchObject({ redacted: true });
    expect(stored.result.lines[1].message).not.toContain('s3cr3t');
    expect(stored.result.lines[3]).toMatchObject({ redacted: true });
    expect(stored.result.lines[3].message).not.toContain('MIIEvQ');
    expect(stored.result.lines[0]).toMatchObject({ message: 'booting', redacted: false });
  });

  it('refuses a result that fails the catalog checks: 422 invalid_result, command failed', async () => {
    const command = await deliver('health', { app_code: 'api' });
    const res = await f.agent.report(command, { ...healthResult(command), type: 'logs', metrics: 'lots' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'invalid_result', status: 422 });
    const stored = await read(command.command_id);
    expect(stored.status).toBe('failed');
    expect(stored.error.code).toBe('invalid_result');
    expect(stored.result).toMatchObject({ type: 'logs', metrics: 'lots' });
  });

  it('keeps unknown keys and enum values of a result', async () => {
    const command = await deliver('health', { app_code: 'edge' });
    const res = await f.agent.report(command, {
      ...healthResult(command),
      status: 'wobbly',
      extra: { gpu: 1 },
    });
    expect(res.json().item.status).toBe('completed');
    expect((await read(command.command_id)).result).toMatchObject({ status: 'wobbly', extra: { gpu: 1 } });
  });

  it("answers 404 for an unknown command and for another deployment's command", async () => {
    const unknown = await f.agent.report({ command_id: 'cmd_nope', deployment_hash: f.hash }, null);
    expect(unknown.statusCode).toBe(404);
    const other = await deploymentWithAgent(t, { clock });
    const theirs = await enqueue(t, other, 'health', { app_code: 'web' });
    const res = await f.agent.report({ command_id: theirs.command_id, deployment_hash: f.hash }, null);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('command_not_found');
    expect(
      (
        await t.database.db
          .selectFrom('command')
          .select('status')
          .where('command_id', '=', theirs.command_id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('queued');
  });
});

describe('malformed reports', () => {
  it('answers 400 for bad JSON, missing fields, wrong types and invalid enum values', async () => {
    const url = '/api/v1/agent/commands/report';
    const bodies: Record<string, string> = {
      'not json': '{"command_id": ',
      'no command_id': JSON.stringify({ deployment_hash: f.hash, status: 'success' }),
      'errors not a list': JSON.stringify({
        command_id: 'cmd_x',
        deployment_hash: f.hash,
        status: 'ok',
        errors: 'x',
      }),
      'bad command_status': JSON.stringify({
        command_id: 'cmd_x',
        deployment_hash: f.hash,
        status: 'ok',
        command_status: 'done',
      }),
      'bad executed_by': JSON.stringify({
        command_id: 'cmd_x',
        deployment_hash: f.hash,
        status: 'ok',
        executed_by: 'robot',
      }),
      'status not a string': JSON.stringify({ command_id: 'cmd_x', deployment_hash: f.hash, status: 1 }),
      'an array': '[]',
    };
    for (const [name, body] of Object.entries(bodies)) {
      const res = await f.agent.post(url, body);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 413 above AGENT_REPORT_MAX_BYTES, after authenticating', async () => {
    const command = await deliver('health', { app_code: 'big' });
    const body = f.agent.reportBody(command, { ...healthResult(command), blob: 'x'.repeat(8 * 1024 * 1024) });
    const res = await f.agent.post('/api/v1/agent/commands/report', body);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });
});

describe('late and repeated reports (all 200)', () => {
  // Each test has its own deployment: lease sweeps move the shared clock.
  let g: Fixture;
  beforeEach(async () => {
    g = await deploymentWithAgent(t, { clock });
  });

  it('completes a command that lease expiry had put back in the queue', async () => {
    const command = await deliver('health', { app_code: 'late1' }, g);
    clock.advance(361_000);
    const swept = await sweepExpiredLeases({ db: t.database.db, config: t.config }, clock.now());
    expect(swept.map((s) => [s.command_id, s.action])).toContainEqual([command.command_id, 'requeued']);
    const res = await g.agent.report(command, healthResult(command));
    expect(res.json().item.status).toBe('completed');
    expect((await read(command.command_id, g)).status).toBe('completed');
    const row = await t.database.db
      .selectFrom('command')
      .select('status')
      .where('deployment_hash', '=', g.hash)
      .where('status', '=', 'queued')
      .execute();
    expect(row).toEqual([]);
  });

  it('replaces an agent_timeout failure with the reported outcome, audited as late', async () => {
    const command = await deliver('restart', { app_code: 'late2' }, g);
    clock.advance(361_000);
    await sweepExpiredLeases({ db: t.database.db, config: t.config }, clock.now());
    expect((await read(command.command_id, g)).error.code).toBe('agent_timeout');
    const result = {
      type: 'restart',
      deployment_hash: g.hash,
      app_code: 'late2',
      status: 'ok',
      container_state: 'running',
    };
    expect((await g.agent.report(command, result)).json().item.status).toBe('completed');
    const stored = await read(command.command_id, g);
    expect(stored).toMatchObject({ status: 'completed', error: null });
    expect(stored.metadata.late_report).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target', '=', command.command_id)
      .where('action', '=', 'command.late_report')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps a cancelled command cancelled and stores the late result in metadata', async () => {
    const queued = await enqueue(t, g, 'restart', { app_code: 'late3' });
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/commands/${g.hash}/${queued.command_id}/cancel`,
      headers: g.owner,
    });
    expect(cancel.json().item.status).toBe('cancelled');
    const res = await g.agent.report(
      { command_id: queued.command_id, deployment_hash: g.hash },
      {
        type: 'restart',
        deployment_hash: g.hash,
        app_code: 'late3',
        status: 'ok',
        container_state: 'running',
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().item.status).toBe('cancelled');
    const stored = await read(queued.command_id, g);
    expect(stored.status).toBe('cancelled');
    expect(stored.metadata.late_report).toMatchObject({ status: 'completed', result: { status: 'ok' } });
  });

  it('changes nothing on a second report of a finished command', async () => {
    const command = await deliver('health', { app_code: 'dup' }, g);
    await g.agent.report(command, healthResult(command));
    const before = await t.database.db
      .selectFrom('command')
      .select(['change_seq', 'status', 'result'])
      .where('command_id', '=', command.command_id)
      .executeTakeFirstOrThrow();
    const again = await g.agent.report(command, null, { status: 'failed', error: 'late duplicate' });
    expect(again.statusCode).toBe(200);
    expect(again.json().item.status).toBe('completed');
    const after = await t.database.db
      .selectFrom('command')
      .select(['change_seq', 'status', 'result'])
      .where('command_id', '=', command.command_id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});
