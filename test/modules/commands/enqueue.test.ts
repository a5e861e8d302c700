import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentWithAgent, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';

let t: TestApp;
let f: Fixture;
beforeAll(async () => {
  t = await buildTestApp();
  f = await deploymentWithAgent(t, { capabilities: ['status_panel', 'docker', 'logs'] });
});
afterAll(async () => {
  await t.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = f.owner) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });

describe('enqueue', () => {
  it('answers 201 with the Command JSON on both paths', async () => {
    for (const url of ['/api/v1/agent/commands/enqueue', '/api/v1/commands']) {
      const res = await post(url, {
        deployment_hash: f.hash,
        command_type: 'stop',
        parameters: { app_code: 'web', container: null },
        priority: 'high',
        timeout_seconds: 120,
      });
      expect(res.statusCode).toBe(201);
      const item = res.json().item;
      expect(Object.keys(item).sort()).toEqual(
        [
          'id',
          'command_id',
          'deployment_hash',
          'type',
          'status',
          'priority',
          'parameters',
          'result',
          'error',
          'created_by',
          'created_at',
          'updated_at',
          'sent_at',
          'completed_at',
          'timeout_seconds',
          'attempts',
          'metadata',
        ].sort(),
      );
      expect(item).toMatchObject({
        deployment_hash: f.hash,
        type: 'stop',
        status: 'queued',
        priority: 'high',
        parameters: { app_code: 'web', timeout: 30 },
        result: null,
        error: null,
        created_by: userId('vendor'),
        timeout_seconds: 120,
        attempts: 0,
        sent_at: null,
      });
    }
  });

  it("answers 404 for someone else's deployment before any other check", async () => {
    const theirs = await insertDeployment(t.database.db, { userId: userId('customerPro') });
    for (const body of [
      { deployment_hash: theirs, command_type: 'restart', parameters: { app_code: 'web' } },
      { deployment_hash: theirs, command_type: 'no_such_type' },
      { deployment_hash: theirs, command_type: 'backup' },
      { deployment_hash: 'deployment_missing', command_type: 'restart', parameters: { app_code: 'web' } },
    ]) {
      const res = await post('/api/v1/commands', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(404);
    }
    // Admins may read, not act.
    const admin = await post(
      '/api/v1/commands',
      { deployment_hash: f.hash, command_type: 'health' },
      bearer('admin'),
    );
    expect(admin.statusCode).toBe(404);
  });

  it('accepts a type it does not know, and refuses bad parameters naming each field', async () => {
    const unknown = await post('/api/v1/commands', { deployment_hash: f.hash, command_type: 'reboot' });
    expect(unknown.statusCode).toBe(201);
    expect(unknown.json().item).toMatchObject({ type: 'reboot', parameters: {} });

    const bad = await post('/api/v1/commands', {
      deployment_hash: f.hash,
      command_type: 'logs',
      parameters: { app_code: '', limit: 5000, streams: ['stdin'] },
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['parameters.app_code', 'parameters.limit']));
    expect(bad.json().detail).toContain('logs.app_code is required');

    const priority = await post('/api/v1/commands', {
      deployment_hash: f.hash,
      command_type: 'health',
      priority: 'urgent',
    });
    expect(priority.statusCode).toBe(400);
    expect(priority.json().errors[0].path).toBe('body.priority');
    const timeout = await post('/api/v1/commands', {
      deployment_hash: f.hash,
      command_type: 'health',
      timeout_seconds: 0,
    });
    expect(timeout.statusCode).toBe(400);
  });

  it('answers 409 capability_missing only where the agent would certainly fail', async () => {
    for (const [type, parameters, missing] of [
      ['pause', { app_code: 'web' }, ['pause']],
      ['deploy_app', { app_code: 'web', runtime: 'kata' }, ['kata']],
      ['trigger_pipe', { pipe_instance_id: 'p1' }, ['pipes']],
    ] as const) {
      const res = await post('/api/v1/commands', { deployment_hash: f.hash, command_type: type, parameters });
      expect(res.statusCode, type).toBe(409);
      expect(res.json()).toMatchObject({ code: 'capability_missing', missing });
    }
    // Not advertised, but not certain to fail: queued (the UI only hides it).
    const resources = await post('/api/v1/commands', {
      deployment_hash: f.hash,
      command_type: 'server_resources',
    });
    expect(resources.statusCode).toBe(201);
    // No agent yet: queued, as the CLI expects before every deploy.
    const noAgent = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const res = await post('/api/v1/commands', { deployment_hash: noAgent, command_type: 'list_containers' });
    expect(res.statusCode).toBe(201);
    expect(res.json().item.status).toBe('queued');
  });

  it('reuses a health check already in flight for the same app', async () => {
    const body = { deployment_hash: f.hash, command_type: 'health', parameters: { app_code: 'reuse' } };
    const first = await post('/api/v1/commands', body);
    const second = await post('/api/v1/commands', body);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().item.command_id).toBe(first.json().item.command_id);
  });

  it('honours Idempotency-Key: the same reply, one command', async () => {
    const body = { deployment_hash: f.hash, command_type: 'restart', parameters: { app_code: 'idem' } };
    const headers = { ...f.owner, 'idempotency-key': 'retry-after-timeout-1' };
    const replies = await Promise.all([1, 2, 3].map(() => post('/api/v1/commands', body, headers)));
    const ids = new Set(replies.map((r) => r.json().item.command_id));
    expect(ids.size).toBe(1);
    expect(replies.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const rows = await t.database.db
      .selectFrom('command')
      .select('command_id')
      .where('deployment_hash', '=', f.hash)
      .where('app_code', '=', 'idem')
      .execute();
    expect(rows).toHaveLength(1);
    // The other path is the same route for the key.
    const viaEnqueue = await post('/api/v1/agent/commands/enqueue', body, headers);
    expect(viaEnqueue.json().item.command_id).toBe([...ids][0]);
    // Another user's identical key is theirs alone.
    const own = await insertDeployment(t.database.db, { userId: userId('customerPro') });
    const other = await post(
      '/api/v1/commands',
      { ...body, deployment_hash: own },
      { ...bearer('customerPro'), 'idempotency-key': 'retry-after-timeout-1' },
    );
    // A fresh request on that deployment, not a replay of the first user's.
    expect(other.statusCode).toBe(201);
    expect(other.json().item.command_id).not.toBe([...ids][0]);
  });

  it('audits the enqueue', async () => {
    const res = await post('/api/v1/commands', {
      deployment_hash: f.hash,
      command_type: 'start',
      parameters: { app_code: 'aud' },
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_type', 'actor_id', 'deployment_hash', 'details'])
      .where('action', '=', 'command.enqueued')
      .where('target', '=', res.json().item.command_id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_type: 'user', actor_id: userId('vendor'), deployment_hash: f.hash });
  });

  it('refuses a deleted deployment with 409', async () => {
    const gone = await insertDeployment(t.database.db, { userId: userId('vendor'), status: 'deleted' });
    const res = await post('/api/v1/commands', { deployment_hash: gone, command_type: 'health' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('deployment_deleted');
  });
});
