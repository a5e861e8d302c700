import type { FastifyBaseLogger } from 'fastify';
import { UserServiceUnavailableError } from '../../integrations/user-service/index.js';
import { type CategorySyncCounts, type CategorySyncDeps, syncCategories } from './sync-service.js';

/**
 * One sync that never throws: an outage of the User Service keeps the existing categories and is
 * logged, because neither the start of the server nor the timer may die of it.
 */
export async function syncCategoriesLogged(
  deps: CategorySyncDeps & { log: FastifyBaseLogger },
): Promise<CategorySyncCounts | undefined> {
  try {
    const counts = await syncCategories(deps);
    deps.log.info({ counts }, 'categories synced from the User Service');
    return counts;
  } catch (err) {
    if (err instanceof UserServiceUnavailableError) {
      deps.log.warn(
        { reason: err.reason, status: err.status },
        'category sync: the User Service is unavailable; keeping the existing categories',
      );
    } else {
      deps.log.error({ err }, 'category sync failed; keeping the existing categories');
    }
    return undefined;
  }
}

export interface PeriodicJob {
  start(): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` at once, then `intervalSecs` after each run ends (0: only the first run). A chain of
 * timeouts rather than an interval, so a slow User Service never stacks runs on top of each other.
 */
export function periodicJob(intervalSecs: number, task: () => Promise<unknown>): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;

  const tick = () => {
    timer = undefined;
    // `task` handles its own errors; the catch only keeps a bug there from becoming an unhandled rejection.
    running = task()
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        if (!stopped && intervalSecs > 0) {
          timer = setTimeout(tick, intervalSecs * 1000);
          timer.unref();
        }
      });
  };

  return {
    start() {
      stopped = false;
      if (running === undefined && timer === undefined) tick();
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
