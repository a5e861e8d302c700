import { setImmediate as yieldToLoop } from 'node:timers/promises';
import PgBoss from 'pg-boss';

/*
 * The baseline a Node team would pick instead of Stacker's queue: pg-boss 10 on the same Postgres,
 * in-process, with the same pool size and the same number of concurrent lanes. One cycle is
 * `send` → `fetch` → `complete` → `getJobById` (the job's state is readable), the counterpart of
 * enqueue → long-poll → report → read the command. Maintenance and cron are off: they would only add
 * background load to the baseline.
 */

export interface PgBossBaseline {
  run(lanes: number, durationMs: number): Promise<{ cycles: number; secs: number; emptyFetches: number }>;
  stop(): Promise<void>;
}

const QUEUE = 'bench-cycle';

export async function startPgBoss(url: string, poolMax: number): Promise<PgBossBaseline> {
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss_bench',
    max: poolMax,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue(QUEUE);
  return {
    async run(lanes, durationMs) {
      let cycles = 0;
      let emptyFetches = 0;
      const t0 = performance.now();
      const end = t0 + durationMs;
      const lane = async () => {
        while (performance.now() < end) {
          await boss.send(QUEUE, { at: Date.now() });
          let job: PgBoss.Job<unknown> | undefined;
          while (job === undefined) {
            job = (await boss.fetch<unknown>(QUEUE))[0];
            if (job === undefined) {
              // Another lane took this lane's job; one of theirs is still queued.
              emptyFetches += 1;
              await yieldToLoop();
            }
          }
          await boss.complete(QUEUE, job.id);
          const state = await boss.getJobById(QUEUE, job.id);
          if (state?.state !== 'completed') throw new Error(`pg-boss job ${job.id} is ${state?.state}`);
          cycles += 1;
        }
      };
      await Promise.all(Array.from({ length: lanes }, lane));
      return { cycles, secs: (performance.now() - t0) / 1000, emptyFetches };
    },
    stop: () => boss.stop({ graceful: false, wait: true }),
  };
}
