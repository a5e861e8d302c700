import type { Clock } from '../../src/infra/clock.js';
import type { TestApp } from './app.js';
import { bearer, type DevUser, userId } from './auth.js';
import { insertDeployment } from './deployment-rows.js';
import { FakeAgent } from './fake-agent.js';

export const ALL_CAPABILITIES = ['status_panel', 'docker', 'logs', 'monitoring', 'compose'];

export interface Fixture {
  hash: string;
  agent: FakeAgent;
  owner: { authorization: string };
}

/**
 * A deployment owned by `owner` and its agent, registered through the real route (as provisioning
 * does), driven by a FakeAgent that signs with the app's clock.
 */
export async function deploymentWithAgent(
  t: TestApp,
  options: { owner?: DevUser; capabilities?: string[]; clock?: Clock; hash?: string } = {},
): Promise<Fixture> {
  const owner = options.owner ?? 'vendor';
  const hash = await insertDeployment(t.database.db, { userId: userId(owner), hash: options.hash });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/agent/register',
    headers: bearer(owner),
    payload: {
      deployment_hash: hash,
      agent_version: '0.2.1',
      capabilities: options.capabilities ?? ALL_CAPABILITIES,
      system_info: { os: 'linux' },
    },
  });
  if (res.statusCode !== 201) throw new Error(`registration answered ${res.statusCode}: ${res.body}`);
  const item = (res.json() as { data: { item: { agent_id: string; agent_token: string } } }).data.item;
  const agent = new FakeAgent(t.app, item.agent_id, item.agent_token, hash, {
    clock: options.clock ?? t.app.clock,
  });
  return { hash, agent, owner: bearer(owner) };
}

/** Enqueues through the user API and returns the Command JSON. */
export async function enqueue(
  t: TestApp,
  fixture: Pick<Fixture, 'hash' | 'owner'>,
  commandType: string,
  parameters: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Promise<{ command_id: string; status: string; [key: string]: unknown }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/commands',
    headers: fixture.owner,
    payload: { deployment_hash: fixture.hash, command_type: commandType, parameters, ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`enqueue answered ${res.statusCode}: ${res.body}`);
  return (res.json() as { item: { command_id: string; status: string } }).item;
}

/** How many long-polls the app holds right now (its `stacker_agent_waiting_polls` gauge). */
export async function waitingPolls(t: Pick<TestApp, 'app'>): Promise<number> {
  const metric = await t.app.metrics.getSingleMetric('stacker_agent_waiting_polls')?.get();
  return metric?.values[0]?.value ?? 0;
}
