import { AgentFleet } from './lib/agent-fleet.js';
import type { BenchContext } from './lib/context.js';
import { DeliveryLog, type DeliveryResult, runDeliveries } from './lib/delivery-run.js';
import type { Check, Report } from './lib/report.js';
import { waitingPolls, waitUntil } from './lib/server-metrics.js';
import { UserClient } from './lib/user-client.js';

/*
 * Delivery latency: with N agents waiting (their real 30 s polls), commands are enqueued through the
 * HTTP API at a steady rate at random deployments; enqueue-request-start → agent-receives is compared
 * with the enqueue request's own latency in the same run (what the wake-up, claim and reply add).
 */

export const AGENT_POLL_SECS = 30;

export function deliveryRows(label: string, r: DeliveryResult): (string | number)[][] {
  return [
    [
      `${label}: enqueue request`,
      r.enqueue.count,
      r.enqueue.p50,
      r.enqueue.p95,
      r.enqueue.p99,
      r.enqueue.max,
    ],
    [
      `${label}: enqueue start → agent has it`,
      r.delivery.count,
      r.delivery.p50,
      r.delivery.p95,
      r.delivery.p99,
      r.delivery.max,
    ],
  ];
}

export function deliveryChecks(r: DeliveryResult): Check[] {
  return [
    { name: 'delivery p99 ÷ enqueue p99', value: r.p99Ratio, op: '<=', target: 2, gate: 8 },
    { name: 'commands lost', value: r.lost, op: '==', target: 0, gate: 0 },
    { name: 'commands delivered twice', value: r.duplicates, op: '==', target: 0, gate: 0 },
    { name: 'enqueue requests refused', value: r.enqueueFailures, op: '==', target: 0, gate: 0 },
  ];
}

export async function deliveryLatency(ctx: BenchContext): Promise<Report> {
  const { deliveryAgents, deliveryRatePerSec, deliveryDurationMs } = ctx.options.sizes;
  const seeded = await ctx.seeder.agents(deliveryAgents);
  const server = await ctx.startServer('delivery-latency');
  const log = new DeliveryLog();
  const fleet = new AgentFleet(seeded, {
    port: server.port,
    timeoutSecs: AGENT_POLL_SECS,
    onCommand: log.onCommand,
  });
  const users = new UserClient(server.origin);
  try {
    await fleet.start();
    await waitUntil(
      'every agent waiting',
      async () => (await waitingPolls(server.origin)) >= deliveryAgents,
      60_000,
      200,
    );
    // Warm-up (token cache, JIT, pool connections), not counted.
    await runDeliveries({ fleet, log, users, count: 50, ratePerSec: deliveryRatePerSec, settleMs: 5_000 });
    const count = Math.round((deliveryRatePerSec * deliveryDurationMs) / 1000);
    log.received.clear();
    const result = await runDeliveries({ fleet, log, users, count, ratePerSec: deliveryRatePerSec });
    if (fleet.errors > 0)
      ctx.log(`delivery-latency: agents saw ${fleet.errors} errors; last: ${fleet.lastError}`);
    return {
      name: 'delivery-latency',
      title: `Delivery latency (${deliveryAgents} waiting agents, ${deliveryRatePerSec} enqueues/s through HTTP)`,
      columns: ['ms', 'count', 'p50', 'p95', 'p99', 'max'],
      rows: deliveryRows('one instance', result),
      notes: [
        `delivery p50 ÷ enqueue p50: ${result.p50Ratio.toFixed(2)}; achieved rate ${result.achievedRatePerSec.toFixed(1)}/s`,
        ...(result.lastEnqueueFailure ? [`last refused enqueue: ${result.lastEnqueueFailure}`] : []),
      ],
      checks: deliveryChecks(result),
      data: { agents: deliveryAgents, ratePerSec: deliveryRatePerSec, ...result, agentErrors: fleet.errors },
    };
  } finally {
    await fleet.stop();
    await users.close();
  }
}
