import type { FastifyInstance } from 'fastify';
import {
  purgeFinishedCommands,
  purgeReplayStore,
  sweepExpiredLeases,
  sweepExpiredQueued,
} from './sweeper.js';

/** Lease and TTL sweeps run often (a lost lease should not wait long); purges once a minute. */
const SWEEP_INTERVAL_MS = 5_000;
const PURGE_INTERVAL_MS = 60_000;

/** Starts the sweep loops (only when `app.backgroundJobs`); returns the function that stops them. */
export function startSweepJobs(app: FastifyInstance): () => void {
  const deps = { db: app.db, config: app.config };
  let sweeping = false;
  let purging = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const now = app.clock.now();
      await sweepExpiredLeases(deps, now);
      await sweepExpiredQueued(deps, now);
    } catch (error) {
      app.log.warn({ err: error }, 'command sweep failed');
    } finally {
      sweeping = false;
    }
  };
  const purge = async () => {
    if (purging) return;
    purging = true;
    try {
      const now = app.clock.now();
      await purgeFinishedCommands(deps, now);
      await purgeReplayStore(deps, now);
    } catch (error) {
      app.log.warn({ err: error }, 'command history purge failed');
    } finally {
      purging = false;
    }
  };
  const sweepTimer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  const purgeTimer = setInterval(() => void purge(), PURGE_INTERVAL_MS);
  sweepTimer.unref();
  purgeTimer.unref();
  return () => {
    clearInterval(sweepTimer);
    clearInterval(purgeTimer);
  };
}
