/*
 * Command-line options and the sizes of each benchmark. The full mode is what the issue asks for
 * (10,000 waiting agents, 10,000 commands over two instances); the quick mode keeps the same shapes at
 * a size that runs in CI in under a minute.
 */

export const BENCH_NAMES = [
  'waiting-agents',
  'delivery-latency',
  'command-throughput',
  'api-throughput',
  'two-instances',
  'two-instances-pgbouncer',
] as const;
export type BenchName = (typeof BENCH_NAMES)[number];

export interface Sizes {
  /** Waiting agents held at each level, in order (levels add agents to the previous ones). */
  waitingLevels: number[];
  /** The levels asked for, when the open-file limit made the bench hold fewer. */
  waitingLevelsAsked?: number[];
  /** Quiet window measured at each level (no poll arrives in it). */
  waitingIdleMs: number;
  deliveryAgents: number;
  deliveryRatePerSec: number;
  deliveryDurationMs: number;
  throughputAgents: number;
  throughputDurationMs: number;
  apiDurationSecs: number;
  apiConnections: number;
  twoInstanceAgents: number;
  twoInstanceCommands: number;
  twoInstanceRatePerSec: number;
}

export interface BenchOptions {
  quick: boolean;
  only: BenchName[];
  /** Start the servers with --cpu-prof (profiles land in bench/results/profiles). */
  cpuProf: boolean;
  /** Run the built server (dist/src/main.js) instead of the TypeScript sources through tsx. */
  built: boolean;
  /** Use a throwaway embedded Postgres even when a server answers (what a fresh machine gets). */
  embedded: boolean;
  /** Environment every Stacker server gets (`--no-group-commit`: DATABASE_GROUP_COMMIT=false, the before). */
  serverEnv: Record<string, string>;
  sizes: Sizes;
}

const FULL: Sizes = {
  // 50,000 is the size; a machine whose hard open-file limit is lower runs the largest level
  // the limit allows instead (capWaitingLevels), and the report says so.
  waitingLevels: [1_000, 5_000, 10_000, 50_000],
  waitingIdleMs: 6_000,
  deliveryAgents: 1_000,
  deliveryRatePerSec: 50,
  deliveryDurationMs: 20_000,
  throughputAgents: 100,
  throughputDurationMs: 10_000,
  apiDurationSecs: 10,
  apiConnections: 50,
  twoInstanceAgents: 1_000,
  twoInstanceCommands: 10_000,
  // Well under what one 2-core machine can deliver, so the figure is latency, not a queue building up.
  twoInstanceRatePerSec: 100,
};

const QUICK: Sizes = {
  waitingLevels: [500, 1_000],
  waitingIdleMs: 2_000,
  deliveryAgents: 300,
  deliveryRatePerSec: 50,
  deliveryDurationMs: 3_000,
  throughputAgents: 100,
  throughputDurationMs: 2_000,
  apiDurationSecs: 1,
  apiConnections: 50,
  twoInstanceAgents: 300,
  twoInstanceCommands: 400,
  twoInstanceRatePerSec: 100,
};

export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  const only = onlyArg
    ? onlyArg
        .slice('--only='.length)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [...BENCH_NAMES];
  for (const name of only) {
    if (!(BENCH_NAMES as readonly string[]).includes(name)) {
      throw new Error(`unknown benchmark "${name}"; one of ${BENCH_NAMES.join(', ')}`);
    }
  }
  return {
    quick,
    only: only as BenchName[],
    cpuProf: argv.includes('--cpu-prof'),
    built: argv.includes('--built'),
    embedded: argv.includes('--embedded'),
    serverEnv: argv.includes('--no-group-commit') ? { DATABASE_GROUP_COMMIT: 'false' } : {},
    sizes: quick ? QUICK : FULL,
  };
}
