import { AGENT_POLL_SECS, deliveryChecks, deliveryRows } from './delivery-latency.js';
import { AgentFleet } from './lib/agent-fleet.js';
import type { BenchContext } from './lib/context.js';
import { DeliveryLog, runDeliveries } from './lib/delivery-run.js';
import type { Report } from './lib/report.js';
import { waitingPolls, waitUntil } from './lib/server-metrics.js';
import { UserClient } from './lib/user-client.js';

/*
 * Two Stacker processes on one database: the agents poll instance A, the user enqueues on instance B,
 * so every delivery crosses instances (B's NOTIFY at commit → A's LISTEN hub → A's claim). Reports the
 * delivery latency against B's enqueue latency and checks that none of the commands is lost or
 * delivered twice.
 */

export interface TwoInstancesVariant {
  name: string;
  /** Added to the title: how the instances reach Postgres. */
  via?: string;
  /** Extra server environment (a pooler's URL and settings). */
  env?: Record<string, string>;
}

export const twoInstances = (ctx: BenchContext) => runTwoInstances(ctx, { name: 'two-instances' });

export async function runTwoInstances(ctx: BenchContext, variant: TwoInstancesVariant): Promise<Report> {
  const {
    twoInstanceAgents: agents,
    twoInstanceCommands: count,
    twoInstanceRatePerSec: rate,
  } = ctx.options.sizes;
  const seeded = await ctx.seeder.agents(agents);
  const [a, b] = await Promise.all(
    ['a', 'b'].map((side) => ctx.startServer(`${variant.name}-${side}`, { env: variant.env })),
  );
  const log = new DeliveryLog();
  const fleet = new AgentFleet(seeded, {
    port: a!.port,
    timeoutSecs: AGENT_POLL_SECS,
    onCommand: log.onCommand,
  });
  const users = new UserClient(b!.origin);
  try {
    await fleet.start();
    await waitUntil(
      'every agent waiting on A',
      async () => (await waitingPolls(a!.origin)) >= agents,
      60_000,
      200,
    );
    await runDeliveries({ fleet, log, users, count: 50, ratePerSec: rate, settleMs: 5_000 });
    log.received.clear();
    const result = await runDeliveries({ fleet, log, users, count, ratePerSec: rate });
    return {
      name: variant.name,
      title: `Two instances${variant.via ? ` ${variant.via}` : ''} (${agents} agents poll A, ${count} commands enqueued on B at ${rate}/s)`,
      columns: ['ms', 'count', 'p50', 'p95', 'p99', 'max'],
      rows: deliveryRows('B → A', result),
      notes: [
        `delivery p50 ÷ enqueue p50: ${result.p50Ratio.toFixed(2)}; achieved rate ${result.achievedRatePerSec.toFixed(1)}/s`,
        `agent errors: ${fleet.errors}${fleet.lastError ? ` (last: ${fleet.lastError})` : ''}`,
        ...(result.lastEnqueueFailure ? [`last refused enqueue: ${result.lastEnqueueFailure}`] : []),
      ],
      checks: deliveryChecks(result),
      data: { agents, count, ratePerSec: rate, ...result, agentErrors: fleet.errors },
    };
  } finally {
    await fleet.stop();
    await users.close();
  }
}
