import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchAgent } from './agent-client.js';
import type { AgentFleet } from './agent-fleet.js';
import type { Server } from './context.js';
import { waitUntil } from './server-metrics.js';

export interface WarmRound {
  agents: number;
  /** Statements per arrival, net of the background rate (the re-check and sweeps). */
  statementsPerArrival: number;
  /** Arrivals per second, from the first re-poll sent to the last one registered. */
  arrivalsPerSec: number;
}

/**
 * `agents` poll again at once (token cached): the server answers each replaced poll when the new one
 * registers, just before its claim. Once all are answered, the last claims land (the statement count
 * stops moving).
 */
export async function warmRound(
  server: Server,
  fleet: AgentFleet,
  agents: BenchAgent[],
  backgroundPerSec: number,
): Promise<WarmRound> {
  const s0 = await server.statements();
  const t0 = performance.now();
  const stale = fleet.staleAnswers;
  fleet.repoll(agents);
  await waitUntil('re-polls registered', () => fleet.staleAnswers - stale >= agents.length, 120_000, 5);
  const arrivalSecs = (performance.now() - t0) / 1000;
  for (let last = -1, now = await server.statements(); now !== last; now = await server.statements()) {
    last = now;
    await sleep(300);
  }
  const windowSecs = (performance.now() - t0) / 1000;
  const statements = (await server.statements()) - s0 - backgroundPerSec * windowSecs;
  return {
    agents: agents.length,
    statementsPerArrival: statements / agents.length,
    arrivalsPerSec: agents.length / arrivalSecs,
  };
}
