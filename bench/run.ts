import { apiThroughput } from './api-throughput.js';
import { commandThroughput } from './command-throughput.js';
import { deliveryLatency } from './delivery-latency.js';
import { type BenchContext, createContext, statementSource } from './lib/context.js';
import { capWaitingLevels, ensureOpenFiles } from './lib/fd-limit.js';
import { type BenchName, parseOptions } from './lib/options.js';
import { startBenchPostgres } from './lib/postgres.js';
import { openFileLimits } from './lib/proc-stats.js';
import {
  currentCommit,
  failedGates,
  machineInfo,
  printReport,
  type Report,
  type RunInfo,
  writeReport,
} from './lib/report.js';
import { createSeeder } from './lib/seed.js';
import { twoInstances } from './two-instances.js';
import { twoInstancesPgBouncer } from './two-instances-pgbouncer.js';
import { waitingAgents } from './waiting-agents.js';

/*
 * `npm run bench` (all five, full sizes) and `npm run bench -- --quick` (the CI size, under a minute).
 * `--only=a,b` runs some; `--cpu-prof` profiles the servers; `--built` runs dist/src/main.js;
 * `--embedded` uses a throwaway embedded Postgres even when the machine has one.
 * Exit code 1 only when a regression gate fails (a ratio or a count far past its target) or a
 * benchmark cannot run; never because of an absolute time.
 */

const BENCHES: Record<BenchName, (ctx: BenchContext) => Promise<Report>> = {
  'waiting-agents': waitingAgents,
  'delivery-latency': deliveryLatency,
  'command-throughput': commandThroughput,
  'api-throughput': apiThroughput,
  'two-instances': twoInstances,
  'two-instances-pgbouncer': twoInstancesPgBouncer,
};

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const asked = options.sizes.waitingLevels;
  const capped = capWaitingLevels(asked, (await openFileLimits()).hard);
  if (capped.capped) {
    log(`waiting levels ${asked.join(', ')} asked; the open-file limit allows ${capped.levels.join(', ')}`);
    options.sizes = { ...options.sizes, waitingLevels: capped.levels, waitingLevelsAsked: asked };
  }
  const biggest = Math.max(...options.sizes.waitingLevels, options.sizes.deliveryAgents);
  if (await ensureOpenFiles(biggest + 2_000, log)) return Number(process.exitCode ?? 0);

  const started = performance.now();
  const pg = await startBenchPostgres(log, { embedded: options.embedded });
  const seeder = createSeeder(pg.url);
  const run: RunInfo = {
    mode: options.quick ? 'quick' : 'full',
    date: new Date().toISOString(),
    commit: currentCommit(),
    machine: machineInfo(),
    postgres: { source: pg.source, version: pg.version },
    statementSource: await statementSource(pg),
  };
  log(
    `${run.mode} run on ${run.machine.cpus} cores, Postgres ${pg.version} (${pg.source}), database ${pg.name}`,
  );
  const failed: string[] = [];
  try {
    for (const name of options.only) {
      const ctx = createContext({ options, pg, seeder, log });
      const t0 = performance.now();
      try {
        const report = await BENCHES[name](ctx);
        report.notes.push(`took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        printReport(report);
        await writeReport(report, run);
        for (const gate of failedGates(report))
          failed.push(`${name}: ${gate.name} = ${gate.value} (gate ${gate.op} ${gate.gate})`);
      } catch (error) {
        failed.push(`${name}: could not run: ${error instanceof Error ? error.message : String(error)}`);
        log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } finally {
        await ctx.cleanup();
      }
    }
  } finally {
    await seeder.close();
    await pg.stop();
  }
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\nstatements counted by: ${run.statementSource}; commit ${run.commit}; ${secs} s\n`);
  if (failed.length > 0) {
    process.stdout.write(`\nREGRESSION:\n${failed.map((f) => `  ${f}`).join('\n')}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
