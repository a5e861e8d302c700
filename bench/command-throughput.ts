import type { PolledCommand } from './lib/agent-client.js';
import { AgentFleet } from './lib/agent-fleet.js';
import type { BenchContext } from './lib/context.js';
import { type CpuSplit, startCpuMeter } from './lib/cpu-meter.js';
import { startPgBoss } from './lib/pg-boss-cycle.js';
import type { Report } from './lib/report.js';
import { waitingPolls, waitUntil } from './lib/server-metrics.js';
import { UserClient } from './lib/user-client.js';

/*
 * Command throughput: full cycles with 100 agents. Each lane is one user and one agent's deployment:
 * enqueue (HTTP) → the waiting agent gets it → reports → the user reads the command back, completed.
 * The baseline is pg-boss's in-process send → fetch → complete → getJobById on the same Postgres with
 * as many lanes and the same pool size. The two alternate in rounds (S B S B) so a machine that
 * slows down during the run weighs on both.
 */

const POOL_MAX = 20;
const ROUNDS = 2;

/** Resolves when both the report of a command and its enqueue reply have been seen, in any order. */
class Rendezvous {
  private readonly waiting = new Map<string, () => void>();
  private readonly early = new Set<string>();

  reported = (_agent: unknown, command: PolledCommand, status: number): void => {
    if (status !== 200) return;
    const resolve = this.waiting.get(command.command_id);
    if (resolve) {
      this.waiting.delete(command.command_id);
      resolve();
    } else this.early.add(command.command_id);
  };

  /** False when the report did not come within `timeoutMs`. */
  until(commandId: string, timeoutMs: number): Promise<boolean> {
    if (this.early.delete(commandId)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(commandId);
        resolve(false);
      }, timeoutMs);
      this.waiting.set(commandId, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

const noCpu = (): CpuSplit => ({ server: 0, postgres: 0, bench: 0 });
function addCpu(into: CpuSplit, add: CpuSplit): void {
  into.server += add.server;
  into.postgres += add.postgres;
  into.bench += add.bench;
}
/** CPU milliseconds per cycle on each side (the machine's cores are shared by all three). */
const perCycle = (r: { cycles: number; cpu: CpuSplit }) => [
  (r.cpu.server * 1000) / r.cycles,
  (r.cpu.postgres * 1000) / r.cycles,
  (r.cpu.bench * 1000) / r.cycles,
];

export async function commandThroughput(ctx: BenchContext): Promise<Report> {
  const { throughputAgents, throughputDurationMs } = ctx.options.sizes;
  const seeded = await ctx.seeder.agents(throughputAgents);
  const server = await ctx.startServer('command-throughput', {
    env: { DATABASE_POOL_MAX: String(POOL_MAX) },
  });
  const rendezvous = new Rendezvous();
  const fleet = new AgentFleet(seeded, {
    port: server.port,
    timeoutSecs: 30,
    onReported: rendezvous.reported,
  });
  const users = new UserClient(server.origin, throughputAgents);
  const boss = await startPgBoss(ctx.pg.url, POOL_MAX);
  let unreadable = 0;
  let refused = 0;

  const stackerRound = async (durationMs: number) => {
    let cycles = 0;
    const t0 = performance.now();
    const end = t0 + durationMs;
    await Promise.all(
      fleet.agents.map(async (agent) => {
        while (performance.now() < end) {
          const enqueued = await users.enqueue(agent.hash);
          if (!enqueued.commandId) {
            refused += 1;
            continue;
          }
          if (!(await rendezvous.until(enqueued.commandId, 30_000))) {
            unreadable += 1;
            continue;
          }
          const read = await users.command(agent.hash, enqueued.commandId);
          if (read.commandStatus !== 'completed') unreadable += 1;
          cycles += 1;
        }
      }),
    );
    return { cycles, secs: (performance.now() - t0) / 1000 };
  };

  try {
    await fleet.start();
    await waitUntil(
      'every agent waiting',
      async () => (await waitingPolls(server.origin)) >= throughputAgents,
      60_000,
      100,
    );
    // Warm-up of both, not counted.
    await stackerRound(500);
    await boss.run(throughputAgents, 500);
    const stacker = { cycles: 0, secs: 0, cpu: noCpu() };
    const pgBoss = { cycles: 0, secs: 0, emptyFetches: 0, cpu: noCpu() };
    const roundMs = throughputDurationMs / ROUNDS;
    const meter = () =>
      startCpuMeter({ serverPids: [server.pid], adminUrl: ctx.pg.adminUrl, database: ctx.pg.name });
    for (let round = 0; round < ROUNDS; round++) {
      let stop = await meter();
      const s = await stackerRound(roundMs);
      addCpu(stacker.cpu, await stop());
      stacker.cycles += s.cycles;
      stacker.secs += s.secs;
      stop = await meter();
      const b = await boss.run(throughputAgents, roundMs);
      addCpu(pgBoss.cpu, await stop());
      pgBoss.cycles += b.cycles;
      pgBoss.secs += b.secs;
      pgBoss.emptyFetches += b.emptyFetches;
    }
    const stackerRate = stacker.cycles / stacker.secs;
    const bossRate = pgBoss.cycles / pgBoss.secs;
    return {
      name: 'command-throughput',
      title: `Command throughput (${throughputAgents} agents, full cycles, baseline pg-boss 10 in-process)`,
      columns: [
        'queue',
        'cycles',
        'seconds',
        'cycles/s',
        'ratio',
        'CPU ms/cycle: server',
        'Postgres',
        'client',
      ],
      rows: [
        [
          'Stacker (HTTP, auth, signatures)',
          stacker.cycles,
          stacker.secs,
          stackerRate,
          stackerRate / bossRate,
          ...perCycle(stacker),
        ],
        [
          'pg-boss send → fetch → complete → get',
          pgBoss.cycles,
          pgBoss.secs,
          bossRate,
          1,
          ...perCycle(pgBoss),
        ],
      ],
      notes: [
        `pool size ${POOL_MAX} for both; ${ROUNDS} alternating rounds; pg-boss empty fetches: ${pgBoss.emptyFetches}`,
        `commands not read back as completed: ${unreadable}; enqueues refused: ${refused}; agent errors: ${fleet.errors}`,
      ],
      checks: [
        {
          name: 'Stacker cycles/s ÷ pg-boss cycles/s',
          value: stackerRate / bossRate,
          op: '>=',
          target: 0.5,
          gate: 0.1,
        },
        {
          name: 'cycles not read back as completed',
          value: unreadable + refused,
          op: '==',
          target: 0,
          gate: 0,
        },
      ],
      data: {
        agents: throughputAgents,
        stacker,
        pgBoss,
        stackerRate,
        bossRate,
        unreadable,
        refused,
        agentErrors: fleet.errors,
      },
    };
  } finally {
    await fleet.stop();
    await users.close();
    await boss.stop();
  }
}
