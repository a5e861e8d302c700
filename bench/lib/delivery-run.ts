import { setTimeout as sleep } from 'node:timers/promises';
import type { AgentFleet } from './agent-fleet.js';
import { type Summary, summarize } from './stats.js';
import type { UserClient } from './user-client.js';

/*
 * Enqueues `count` commands at a steady rate (an open loop: each request starts on its schedule,
 * whether or not the previous one has answered), each for a random waiting agent, and times
 * enqueue-request-start → the agent has the whole reply. Then waits until every command arrived (or
 * nothing arrives for a while) and counts what was lost or delivered twice.
 */

export class DeliveryLog {
  /** command id → every performance.now() at which an agent received it. */
  readonly received = new Map<string, number[]>();

  onCommand = (_agent: unknown, command: { command_id: string }, at: number): void => {
    const seen = this.received.get(command.command_id);
    if (seen) seen.push(at);
    else this.received.set(command.command_id, [at]);
  };
}

export interface DeliveryResult {
  sent: number;
  enqueueFailures: number;
  lastEnqueueFailure: string | undefined;
  lost: number;
  duplicates: number;
  enqueue: Summary;
  delivery: Summary;
  /** delivery p99 ÷ enqueue p99 */
  p99Ratio: number;
  p50Ratio: number;
  achievedRatePerSec: number;
}

export async function runDeliveries(options: {
  fleet: AgentFleet;
  log: DeliveryLog;
  users: UserClient;
  count: number;
  ratePerSec: number;
  /** How long to wait for the last deliveries once nothing new arrives. */
  settleMs?: number;
}): Promise<DeliveryResult> {
  const { fleet, log, users, count, ratePerSec } = options;
  const hashes = fleet.agents.map((a) => a.hash);
  const sends: Promise<void>[] = [];
  const enqueued = new Map<string, { startedAt: number; answeredAt: number }>();
  let failures = 0;
  let lastFailure: string | undefined;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * 1000) / ratePerSec;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const hash = hashes[Math.floor(Math.random() * hashes.length)]!;
    sends.push(
      users.enqueue(hash).then(
        (r) => {
          if (r.commandId) enqueued.set(r.commandId, { startedAt: r.startedAt, answeredAt: r.answeredAt });
          else {
            failures += 1;
            lastFailure = `${r.status} ${r.body.slice(0, 200)}`;
          }
        },
        (error: unknown) => {
          failures += 1;
          lastFailure = String(error);
        },
      ),
    );
  }
  await Promise.all(sends);
  const achievedRatePerSec = count / ((performance.now() - t0) / 1000);

  // Every command should arrive; give up only when nothing has arrived for settleMs.
  const settleMs = options.settleMs ?? 15_000;
  let lastCount = -1;
  let quietSince = performance.now();
  for (;;) {
    const arrived = [...enqueued.keys()].filter((id) => log.received.has(id)).length;
    if (arrived === enqueued.size) break;
    if (arrived !== lastCount) {
      lastCount = arrived;
      quietSince = performance.now();
    } else if (performance.now() - quietSince > settleMs) break;
    await sleep(50);
  }
  await sleep(200);

  const deliveryMs: number[] = [];
  const enqueueMs: number[] = [];
  let lost = 0;
  for (const [id, times] of enqueued) {
    enqueueMs.push(times.answeredAt - times.startedAt);
    const seen = log.received.get(id);
    if (!seen) lost += 1;
    else deliveryMs.push(seen[0]! - times.startedAt);
  }
  let duplicates = 0;
  for (const seen of log.received.values()) duplicates += seen.length - 1;
  const enqueue = summarize(enqueueMs);
  const delivery = summarize(deliveryMs);
  return {
    sent: count,
    enqueueFailures: failures,
    lastEnqueueFailure: lastFailure,
    lost,
    duplicates,
    enqueue,
    delivery,
    p99Ratio: delivery.p99 / enqueue.p99,
    p50Ratio: delivery.p50 / enqueue.p50,
    achievedRatePerSec,
  };
}
