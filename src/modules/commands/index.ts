import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import { createRedactor } from '../../infra/redaction/index.js';
import { ChangeHub } from './change-hub.js';
import type { CommandsContext } from './context.js';
import { LatestCache } from './latest-cache.js';
import { agentCommandRoutes } from './routes-agent.js';
import { userCommandRoutes } from './routes-user.js';
import { SseStreams } from './sse-stream.js';
import { startSweepJobs } from './sweep-jobs.js';
import { WaiterRegistry } from './waiters/waiter-registry.js';

/**
 * The command queue: enqueue and the user command API, the agents' long-poll and reports, the change
 * feeds, and the housekeeping sweeps (only when `app.backgroundJobs`).
 */
export async function commandsModule(app: FastifyInstance): Promise<void> {
  const changes = new ChangeHub();
  const waiters = new WaiterRegistry({
    db: app.db,
    clock: app.clock,
    secretBox: app.secretBox,
    log: app.log,
    ...(app.tuning.waiterTickMs ? { tickMs: app.tuning.waiterTickMs } : {}),
    groupCommit: app.config.database.groupCommit,
    lease: {
      assumedTimeoutSecs: app.config.agent.assumedTimeoutSecs,
      graceSecs: app.config.agent.leaseGraceSecs,
    },
  });
  const ctx: CommandsContext = {
    waiters,
    changes,
    streams: new SseStreams({ db: app.db, hub: changes, log: app.log }),
    redactor: createRedactor(app.config.redaction),
    latest: new LatestCache(app.listenHub),
  };
  new Gauge({
    name: 'stacker_agent_waiting_polls',
    help: 'Agent long-polls currently held by this instance',
    registers: [app.metrics],
    collect() {
      this.set(waiters.size);
    },
  });
  new Gauge({
    name: 'stacker_command_streams',
    help: 'Open command SSE streams on this instance',
    registers: [app.metrics],
    collect() {
      this.set(ctx.streams.size);
    },
  });
  new Gauge({
    name: 'stacker_command_latest_cached',
    help: 'Deployments whose latest-commands reply this instance holds serialized',
    registers: [app.metrics],
    collect() {
      this.set(ctx.latest.size);
    },
  });
  await changes.start(app.listenHub);
  await waiters.start(app.listenHub);
  await ctx.latest.start();

  let stopJobs: (() => void) | undefined;
  app.addHook('onReady', async () => {
    if (app.backgroundJobs) stopJobs = startSweepJobs(app);
  });
  // Before the server stops accepting and waits for in-flight requests: answer every waiting poll now
  // (with a jittered next_poll_secs), end the streams and the wait_ms reads, or shutdown would wait for
  // their timeouts.
  app.addHook('preClose', async () => {
    waiters.shutdown();
    ctx.streams.closeAll();
    changes.shutdown();
  });
  app.addHook('onClose', async () => {
    stopJobs?.();
    waiters.stop();
    changes.stop();
    ctx.latest.stop();
  });

  await app.register(agentCommandRoutes(ctx));
  await app.register(userCommandRoutes(ctx));
}

export {
  type AvailableCommand,
  availableCommands,
  checkResult,
  hasCapability,
  parseCommandParameters,
} from './catalog.js';
export { ChangeHub } from './change-hub.js';
export { COMMAND_CHANGED_CHANNEL, COMMAND_QUEUED_CHANNEL } from './channels.js';
export { type CommandJson, commandJson, toCommandJson } from './command-json.js';
export { type CommandRow, FINISHED_STATUSES } from './command-row.js';
export { enqueueCommand } from './enqueue-service.js';
export { deploymentsHoldingLeases, holdsLiveLease } from './lease-service.js';
export { getCommand } from './query-service.js';
export { listCommands as commandsOfDeployment } from './repository.js';
export { revokeDeploymentAgentAndCommands } from './revoke.js';
export {
  MAX_READ_ONLY_ATTEMPTS,
  purgeFinishedCommands,
  purgeReplayStore,
  sweepExpiredLeases,
  sweepExpiredQueued,
} from './sweeper.js';
