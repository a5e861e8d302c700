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

async function cpuByPid(pids: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      out.set(pid, (await sampleProcess(pid)).cpuSecs);
    } catch {
      // Gone (an idle pool connection closed) or not on this machine.
    }
  }
  return out;
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/**
 * Starts measuring; the returned function ends the round and gives CPU seconds per side. Postgres
 * backends are listed again at the end: one opened during the round counts from zero, one that closed
 * (idle, so it did little) is left out. NaN for Postgres when none could be read (not this machine).
 */
export async function startCpuMeter(options: {
  serverPids: number[];
  adminUrl: string;
  database: string;
}): Promise<() => Promise<CpuSplit>> {
  const list = () => postgresPids(options.adminUrl, options.database);
  const pg0 = await cpuByPid(await list());
  const server0 = sum((await cpuByPid(options.serverPids)).values());
  const bench0 = process.cpuUsage();
  return async () => {
    const bench = process.cpuUsage(bench0);
    const server = sum((await cpuByPid(options.serverPids)).values()) - server0;
    const pg1 = await cpuByPid(await list());
    let postgres = pg1.size === 0 ? Number.NaN : 0;
    for (const [pid, cpu] of pg1) postgres += cpu - (pg0.get(pid) ?? 0);
    return { server, postgres, bench: (bench.user + bench.system) / 1e6 };
  };
}
