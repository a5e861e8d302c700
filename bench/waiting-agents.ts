import { setTimeout as sleep } from 'node:timers/promises';
import { AgentFleet } from './lib/agent-fleet.js';
import type { BenchContext, Server } from './lib/context.js';
import { cpuShare, type ProcSample } from './lib/proc-stats.js';
import type { Check, Report } from './lib/report.js';
import { selectOneReference } from './lib/select-one-reference.js';
import { readMetric, waitingPolls, waitUntil } from './lib/server-metrics.js';
import { type WarmRound, warmRound } from './lib/warm-round.js';

/*
 * Waiting agents: N agents hold signed long-polls against one Stacker process. Per level: resident
 * memory and heap growth per waiting agent, CPU while everyone waits, statements per poll arrival
 * (first arrival after a start: cold token cache; a later arrival: the steady state of a real agent
 * whose heartbeat is due), statements per second while nobody arrives, and file descriptors.
 *
 * The poll timeout is raised (AGENT_POLL_MAX_SECS=300) so that no poll ends inside a measuring window:
 * the quiet windows must be quiet. Ending and re-arriving is measured separately (warm arrivals).
 */

const POLL_SECS = 300;
// Per-arrival counts are net of an estimated background: compare them at the precision they have.
const twoDecimals = (v: number) => Math.round(v * 100) / 100;
const KB = 1024;
const MB = 1024 * 1024;
/** The most agents re-polled at once: each holds two sockets (on both sides) until the first is answered. */
const WARM_MAX = 5_000;

interface Level {
  agents: number;
  rss: number;
  heap: number;
  fds: number;
  cpuShare: number;
  idleStatementsPerSec: number;
  coldStatementsPerArrival: number;
  arrivalsPerSec: number;
}

async function quietWindow(server: Server, ms: number) {
  const s0 = await server.statements();
  const p0: ProcSample = await server.sample();
  await sleep(ms);
  const p1 = await server.sample();
  const s1 = await server.statements();
  return { cpuShare: cpuShare(p0, p1), statementsPerSec: (s1 - s0) / ((p1.at - p0.at) / 1000), end: p1 };
}

export async function waitingAgents(ctx: BenchContext): Promise<Report> {
  const { waitingLevels: levels, waitingIdleMs } = ctx.options.sizes;
  const max = levels.at(-1)!;
  const seeded = await ctx.seeder.agents(max);
  const server = await ctx.startServer('waiting-agents', {
    countStatements: true,
    env: { AGENT_POLL_MAX_SECS: String(POLL_SECS) },
  });
  const fleet = new AgentFleet(seeded, { port: server.port, timeoutSecs: POLL_SECS, openConcurrency: 200 });
  try {
    await sleep(1_000);
    const idle = await quietWindow(server, waitingIdleMs);
    const base = {
      rss: idle.end.rss,
      fds: idle.end.fds,
      heap: await readMetric(server.origin, 'stacker_nodejs_heap_size_used_bytes'),
    };
    const results: Level[] = [];
    const rampedAt = new Map<number, number>();
    let started = 0;
    // Background statements (the 2 s re-check, the 5 s sweeps) are taken out of the arrival counts at
    // the rate of the last quiet window.
    let background = idle.statementsPerSec;
    for (const level of levels) {
      const batch = fleet.agents.slice(started, level);
      const s0 = await server.statements();
      const t0 = performance.now();
      await fleet.start(batch);
      await waitUntil(
        `${level} waiting polls`,
        async () => (await waitingPolls(server.origin)) >= level,
        120_000,
        200,
      );
      const rampSecs = (performance.now() - t0) / 1000;
      rampedAt.set(level, performance.now());
      // The last claims may still be answering: let them land before reading the count.
      await sleep(300);
      const arrivalStatements =
        (await server.statements()) - s0 - background * ((performance.now() - t0) / 1000);
      started = level;
      await sleep(500);
      const window = await quietWindow(server, waitingIdleMs);
      background = window.statementsPerSec;
      const held = await waitingPolls(server.origin);
      if (held !== level) throw new Error(`the server holds ${held} polls, expected ${level}`);
      results.push({
        agents: level,
        rss: window.end.rss,
        heap: await readMetric(server.origin, 'stacker_nodejs_heap_size_used_bytes'),
        fds: window.end.fds,
        cpuShare: window.cpuShare,
        idleStatementsPerSec: window.statementsPerSec,
        coldStatementsPerArrival: arrivalStatements / batch.length,
        arrivalsPerSec: batch.length / rampSecs,
      });
      ctx.log(`waiting-agents: ${level} waiting`);
    }

    // Steady state: agents poll again, more than 10 s after their last poll arrived (their heartbeat
    // is due, as for a real agent whose 30 s poll ended); their earlier polls are superseded. The
    // heartbeat rides on the replay-store insert, so the quick mode does not wait for it to be due.
    const since = performance.now() - rampedAt.get(levels[0]!)!;
    if (!ctx.options.quick && since < 11_000) await sleep(11_000 - since);
    const quiet = results.at(-1)!.idleStatementsPerSec;
    const small = await warmRound(server, fleet, fleet.agents.slice(0, levels[0]), quiet);
    // A re-poll holds a second socket per agent until the first is answered: at most what the fd
    // limit leaves.
    const large = await warmRound(server, fleet, fleet.agents.slice(0, Math.min(max, WARM_MAX)), quiet);
    const reference = await selectOneReference(ctx.pg.url, ctx.options.quick ? 2 : 5);
    const held = await waitingPolls(server.origin);
    if (fleet.errors > 0) throw new Error(`agents saw ${fleet.errors} errors; last: ${fleet.lastError}`);
    const warm = { small, large, reference };
    return report(ctx, base, idle, results, warm, held);
  } finally {
    await fleet.stop();
  }
}

function report(
  ctx: BenchContext,
  base: { rss: number; fds: number; heap: number },
  idle: { cpuShare: number; statementsPerSec: number },
  levels: Level[],
  warm: { small: WarmRound; large: WarmRound; reference: number },
  heldAtEnd: number,
): Report {
  const first = levels[0]!;
  const last = levels.at(-1)!;
  const growthPerAgent = (l: Level) => (l.rss - base.rss) / l.agents / KB;
  const marginal =
    levels.length > 1 ? (last.rss - first.rss) / (last.agents - first.agents) / KB : growthPerAgent(last);
  const checks: Check[] = [
    {
      name: `RSS growth per waiting agent, N=${last.agents} (KB)`,
      value: growthPerAgent(last),
      op: '<=',
      target: 30,
      gate: 120,
    },
    {
      name: `statements per poll arrival (steady state, ${warm.small.agents} at once)`,
      value: twoDecimals(warm.small.statementsPerArrival),
      op: '<=',
      target: 2,
      gate: 6,
    },
    {
      name: `statements per poll arrival (steady state, ${warm.large.agents} of ${last.agents} at once)`,
      value: twoDecimals(warm.large.statementsPerArrival),
      op: '<=',
      target: 1,
      gate: 6,
    },
    {
      name: 'warm arrivals/s ÷ SELECT-1 reference req/s (largest round)',
      value: Math.round((warm.large.arrivalsPerSec / warm.reference) * 1000) / 1000,
      op: '>=',
      target: 0.25,
      gate: 0.02,
    },
    {
      name: 'statements per poll arrival (first after start)',
      value: twoDecimals(last.coldStatementsPerArrival),
      op: '<=',
      target: 3,
    },
    {
      // O(1) per instance: one re-check every 2 s and the sweeps, whatever N (per agent, even one
      // statement a minute would be 167/s at N=10,000).
      name: 'statements/s while agents wait, highest of any N',
      value: Math.max(...levels.map((l) => l.idleStatementsPerSec)),
      op: '<=',
      target: 5,
      gate: 25,
    },
  ];
  return {
    name: 'waiting-agents',
    title: 'Waiting agents (one Stacker process, signed v1 long-polls)',
    columns: [
      'agents',
      'RSS MB',
      'RSS KB/agent',
      'heap KB/agent',
      'fds',
      'CPU % of a core',
      'stmts/s idle',
      'stmts/arrival (cold)',
      'arrivals/s',
    ],
    rows: [
      [0, base.rss / MB, '-', '-', base.fds, idle.cpuShare * 100, idle.statementsPerSec, '-', '-'],
      ...levels.map((l) => [
        l.agents,
        l.rss / MB,
        growthPerAgent(l),
        (l.heap - base.heap) / l.agents / KB,
        l.fds,
        l.cpuShare * 100,
        l.idleStatementsPerSec,
        l.coldStatementsPerArrival,
        l.arrivalsPerSec,
      ]),
    ],
    notes: [
      `marginal RSS between ${first.agents} and ${last.agents} agents: ${marginal.toFixed(1)} KB/agent`,
      ...[warm.small, warm.large].map(
        (w) =>
          `steady-state round of ${w.agents} (token cached, heartbeat due): ${w.statementsPerArrival.toFixed(2)} statements per arrival, ${w.arrivalsPerSec.toFixed(0)} arrivals/s = ${(w.arrivalsPerSec / warm.reference).toFixed(3)}× the SELECT-1 reference (${warm.reference.toFixed(0)} req/s)`,
      ),
      `polls held after the re-polls: ${heldAtEnd}`,
      `fds per agent at N=${last.agents}: ${((last.fds - base.fds) / last.agents).toFixed(2)} (one socket each)`,
      ...(ctx.options.sizes.waitingLevelsAsked
        ? [
            `asked for ${ctx.options.sizes.waitingLevelsAsked.join(', ')} agents: the hard open-file limit holds at most ${last.agents} (one socket per agent in this process and in the bench's)`,
          ]
        : []),
    ],
    checks,
    data: {
      base,
      idle,
      levels,
      marginalRssKbPerAgent: marginal,
      warm,
      heldAtEnd,
      quick: ctx.options.quick,
    },
  };
}
