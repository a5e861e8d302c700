import type { BenchOptions } from './options.js';
import { type BenchPostgres, statementCounter } from './postgres.js';
import { startQueryCountingProxy } from './query-counter.js';
import type { Seeder } from './seed.js';
import { type StackerProcess, startStacker } from './stacker-process.js';

/** What every benchmark gets: the options, the database, a seeder, and servers it can start. */
export interface BenchContext {
  options: BenchOptions;
  pg: BenchPostgres;
  seeder: Seeder;
  log(line: string): void;
  /**
   * Starts a Stacker process on the bench database; stopped when the benchmark ends. With
   * `countStatements`, `statements()` reads how many statements it has sent to Postgres so far.
   */
  startServer(
    name: string,
    options?: { countStatements?: boolean; env?: Record<string, string> },
  ): Promise<Server>;
  /** Stops every server started so far (a benchmark stops them early before what they depend on). */
  cleanup(): Promise<void>;
}

export interface Server extends StackerProcess {
  statements(): Promise<number>;
}

/** How statements are counted this run (the reports say which). */
export type StatementSource = 'pg_stat_statements' | 'wire protocol (Q + E messages)';

export async function statementSource(pg: BenchPostgres): Promise<StatementSource> {
  const counter = await statementCounter(pg.url);
  await counter?.close();
  return counter ? 'pg_stat_statements' : 'wire protocol (Q + E messages)';
}

/** A context whose servers are all stopped by `cleanup()`. */
export function createContext(base: Omit<BenchContext, 'startServer' | 'cleanup'>): BenchContext {
  const cleanups: (() => Promise<void>)[] = [];
  return {
    ...base,
    async startServer(name, options = {}) {
      let statements: () => Promise<number> = async () => Number.NaN;
      let databaseUrl = base.pg.url;
      if (options.countStatements) {
        // pg_stat_statements sees the whole database: exact only while this is the one server on it.
        const pgss = await statementCounter(base.pg.url);
        if (pgss) {
          statements = () => pgss.read();
          cleanups.push(() => pgss.close());
        } else {
          const proxy = await startQueryCountingProxy(base.pg.url);
          databaseUrl = proxy.url;
          statements = async () => proxy.statements();
          cleanups.push(() => proxy.close());
        }
      }
      const server = await startStacker({
        name,
        databaseUrl,
        secretKey: base.seeder.secretKey,
        built: base.options.built,
        cpuProf: base.options.cpuProf,
        env: { ...base.options.serverEnv, ...options.env },
      });
      // Stopped before the proxy closes (cleanups run last-in first-out).
      cleanups.push(() => server.stop());
      return { ...server, statements };
    },
    async cleanup() {
      for (const fn of cleanups.reverse()) await fn().catch(() => {});
      cleanups.length = 0;
    },
  };
}
