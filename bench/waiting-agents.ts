import { setTimeout as sleep } from 'node:timers/promises';
import { AgentFleet } from './lib/agent-fleet.js';
import type { BenchContext, Server } from './lib/context.js';
import { cpuShare, type ProcSample } from './lib/proc-stats.js';
import type { Check, Report } from './lib/report.js';
import { readMetric, waitingPolls, waitUntil } from './lib/server-metrics.js';

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

    // Steady state: the first level's agents poll again, more than 10 s after their last poll arrived
    // (their heartbeat is due, as for a real agent whose 30 s poll ended). Their earlier polls are
    // superseded. The heartbeat rides on the replay-store insert, so the quick mode does not wait for it
    // to be due: the count is the same.
    const again = fleet.agents.slice(0, levels[0]);
    const since = performance.now() - rampedAt.get(levels[0]!)!;
    if (!ctx.options.quick && since < 11_000) await sleep(11_000 - since);
    const quiet = results.at(-1)!.idleStatementsPerSec;
    const w0 = await server.statements();
    const t0 = performance.now();
    const stale = fleet.staleAnswers;
    fleet.repoll(again);
    // The server answers the replaced poll when the new one registers, just before its claim: once all
    // are answered, wait for the last claims to land (the count stops moving).
    await waitUntil('re-polls registered', () => fleet.staleAnswers - stale >= again.length, 60_000, 20);
    for (let last = -1, now = await server.statements(); now !== last; now = await server.statements()) {
      last = now;
      await sleep(300);
    }
    const windowSecs = (performance.now() - t0) / 1000;
    const warmStatements = (await server.statements()) - w0 - quiet * windowSecs;
    const warmPerArrival = warmStatements / again.length;
    const held = await waitingPolls(server.origin);
    if (fleet.errors > 0) throw new Error(`agents saw ${fleet.errors} errors; last: ${fleet.lastError}`);
    return report(ctx, base, idle, results, warmPerArrival, held);
  } finally {
    await fleet.stop();
  }
}

function report(
  ctx: BenchContext,
  base: { rss: number; fds: number; heap: number },
  idle: { cpuShare: number; statementsPerSec: number },
  levels: Level[],
  warmPerArrival: number,
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
      name: 'statements per poll arrival (steady state)',
      value: twoDecimals(warmPerArrival),
      op: '<=',
      target: 3,
      gate: 6,
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
      `steady-state arrival (token cached, heartbeat due): ${warmPerArrival.toFixed(2)} statements; polls held after the re-poll: ${heldAtEnd}`,
      `fds per agent at N=${last.agents}: ${((last.fds - base.fds) / last.agents).toFixed(2)} (one socket each)`,
    ],
    checks,
    data: {
      base,
      idle,
      levels,
      marginalRssKbPerAgent: marginal,
      warmStatementsPerArrival: warmPerArrival,
      heldAtEnd,
      quick: ctx.options.quick,
    },
  };
}
