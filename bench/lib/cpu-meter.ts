import pg from 'pg';
import { sampleProcess } from './proc-stats.js';

/*
 * Where the CPU of a measured round went, on one machine: the Stacker processes, the Postgres
 * backends serving the bench database (plus the WAL writer, which flushes every commit), and this
 * process (the simulated agents and users, or pg-boss's client). Postgres processes are found in
 * pg_stat_activity and read from /proc, so this works only when Postgres runs on this machine; the
 * Postgres column is NaN otherwise.
 */

export interface CpuSplit {
  server: number;
  postgres: number;
  bench: number;
}

async function postgresPids(adminUrl: string, database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const rows = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 OR backend_type = 'walwriter'`,
      [database],
    );
    return rows.rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

async function cpuOf(pids: number[]): Promise<number> {
  let total = 0;
  for (const pid of pids) {
    try {
      total += (await sampleProcess(pid)).cpuSecs;
    } catch {
      return Number.NaN; // not on this machine, or gone
    }
  }
  return total;
}

/** Starts measuring; the returned function ends the round and gives CPU seconds per side. */
export async function startCpuMeter(options: {
  serverPids: number[];
  adminUrl: string;
  database: string;
}): Promise<() => Promise<CpuSplit>> {
  const pgPids = await postgresPids(options.adminUrl, options.database);
  const server0 = await cpuOf(options.serverPids);
  const pg0 = await cpuOf(pgPids);
  const bench0 = process.cpuUsage();
  return async () => {
    const bench = process.cpuUsage(bench0);
    return {
      server: (await cpuOf(options.serverPids)) - server0,
      postgres: (await cpuOf(pgPids)) - pg0,
      bench: (bench.user + bench.system) / 1e6,
    };
  };
}
