import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { deploymentWithAgent, enqueue } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';

// The one-command and latest reads check ownership on the deployment row joined into their own query.

const clock = new ManualClock(new Date('2026-01-09T00:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

describe('reads joined with the deployment owner', () => {
  it('answers an empty latest list for a deployment without commands', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const res = await get(`/api/v1/commands/${hash}/latest`, bearer('vendor'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ message: 'OK', list: [] });
  });

  it('lists the latest newest first, and lets admins read what others get 404 for', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const older = await enqueue(t, f, 'list_containers');
    clock.advance(1_000);
    const newer = await enqueue(t, f, 'health', { app_code: 'web' });
    const latest = await get(`/api/v1/commands/${f.hash}/latest`, f.owner);
    expect(latest.json().list.map((c: { command_id: string }) => c.command_id)).toEqual([
      newer.command_id,
      older.command_id,
    ]);
    const admin = await get(`/api/v1/commands/${f.hash}/latest`, bearer('admin'));
    expect(admin.json()).toEqual(latest.json());
    expect((await get(`/api/v1/commands/${f.hash}/${older.command_id}`, bearer('admin'))).statusCode).toBe(
      200,
    );

    const stranger = bearer('customerPro');
    for (const url of [
      `/api/v1/commands/${f.hash}/latest`,
      `/api/v1/commands/${f.hash}/${older.command_id}`,
    ]) {
      const res = await get(url, stranger);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('deployment_not_found');
    }
  });

  it('tells a missing deployment from a missing command', async () => {
    const f = await deploymentWithAgent(t, { clock });
    const missingDeployment = await get('/api/v1/commands/deployment_nope/cmd_nope', f.owner);
    expect(missingDeployment.json().code).toBe('deployment_not_found');
    expect((await get('/api/v1/commands/deployment_nope/latest', f.owner)).json().code).toBe(
      'deployment_not_found',
    );
    expect((await get(`/api/v1/commands/${f.hash}/cmd_nope`, f.owner)).json().code).toBe('command_not_found');
  });
});
