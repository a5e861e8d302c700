import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimNextCommands } from '../../../src/modules/commands/claim-batch-repository.js';
import { claimNextCommand } from '../../../src/modules/commands/claim-repository.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { insertAgent } from '../../helpers/fake-agent.js';
import { waitUntil } from '../../helpers/wait.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const lease = { assumedTimeoutSecs: 300, graceSecs: 60 };

async function deploymentWith(commands: { type: string; app: string }[]) {
  const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
  const agent = await insertAgent(t.database.db, t.app.secretBox, hash);
  const ids: string[] = [];
  for (const c of commands) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/commands',
      headers: bearer('vendor'),
      payload: { deployment_hash: hash, command_type: c.type, parameters: { app_code: c.app } },
    });
    ids.push(res.json().item.command_id);
  }
  return { hash, agent, ids };
}

describe('claiming for several deployments in one statement', () => {
  it('claims the same command per deployment as the single claim, audits and notifies each', async () => {
    const a = await deploymentWith([
      { type: 'logs', app: 'web' },
      { type: 'logs', app: 'db' },
    ]);
    const b = await deploymentWith([{ type: 'restart', app: 'web' }]);
    const empty = await deploymentWith([]);
    const changed: string[] = [];
    const off = await t.listenHub.subscribe('stacker_command_changed', (hash) => changed.push(hash));
    const claimed = await claimNextCommands(
      t.database.db,
      [a, b, empty].map((d) => ({ deploymentHash: d.hash, agentId: d.agent.id, ip: '127.0.0.1' })),
      t.app.clock.now(),
      lease,
    );
    expect(claimed.get(a.hash)).toMatchObject({ command_id: a.ids[0], status: 'sent', attempts: 1 });
    expect(claimed.get(b.hash)).toMatchObject({ command_id: b.ids[0], status: 'sent' });
    expect(claimed.has(empty.hash)).toBe(false);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'target', 'deployment_hash'])
      .where('action', '=', 'command.delivered')
      .where('deployment_hash', 'in', [a.hash, b.hash])
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.find((r) => r.deployment_hash === a.hash)?.actor_id).toBe(a.agent.id);
    await waitUntil(() => changed.includes(a.hash) && changed.includes(b.hash), 'both NOTIFYs');
    off();
  });

  it('never hands a row to two claims racing against batches and single claims', async () => {
    const deployments = await Promise.all(
      Array.from({ length: 6 }, () =>
        deploymentWith(Array.from({ length: 4 }, (_, i) => ({ type: 'logs', app: `app${i}` }))),
      ),
    );
    const requests = deployments.map((d) => ({ deploymentHash: d.hash, agentId: d.agent.id, ip: null }));
    const got: string[] = [];
    await Promise.all([
      ...Array.from({ length: 6 }, async () => {
        const claimed = await claimNextCommands(t.database.db, requests, t.app.clock.now(), lease);
        for (const row of claimed.values()) got.push(row.command_id);
      }),
      ...deployments.map(async (d) => {
        const row = await claimNextCommand(t.database.db, d.hash, {
          agentId: d.agent.id,
          ip: null,
          now: t.app.clock.now(),
          lease,
        });
        if (row) got.push(row.command_id);
      }),
    ]);
    expect(new Set(got).size).toBe(got.length);
    expect(got.length).toBe(24);
  });
});
