import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { readOutboxStats } from './outbox-stats.js';
import { OutboxRelay, type OutboxRelayOptions, type RelayPassResult } from './relay.js';
import { registerOutboxMetrics } from './relay-metrics.js';
import type { OutboxSender } from './sender.js';

/** What features see of the outbox: they plug in senders; tests and tools drive passes by hand. */
export interface OutboxApi {
  /** This instance's relay id (`locked_by`). */
  readonly instanceId: string;
  /** Topics whose events this instance can deliver. */
  readonly topics: string[];
  registerSender(topic: string, sender: OutboxSender): void;
  /** One relay pass (claim, deliver, record); the loop does the same on its own when running. */
  runOnce(): Promise<RelayPassResult>;
  /** Deletes delivered rows older than seven days. */
  purge(): Promise<number>;
  /** Asks the running loop for a pass now (after a sender's peer came back, say). */
  wake(): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    outbox: OutboxApi;
  }
}

export type OutboxPluginOptions = Partial<
  Pick<OutboxRelayOptions, 'concurrency' | 'leaseMs' | 'sweepIntervalMs' | 'random' | 'instanceId'>
>;

/**
 * Decorates `outbox` and, when background jobs are on, runs this instance's relay from `onReady` to
 * `onClose`. Senders register on `app.outbox` (marketplace sync here, install events with the broker).
 */
export const outboxPlugin = fp(
  async (app: FastifyInstance, opts: OutboxPluginOptions) => {
    const metrics = registerOutboxMetrics(
      app.metrics,
      () => readOutboxStats(app.db),
      app.clock,
      (err) => app.log.warn({ err }, 'outbox metrics could not be read'),
    );
    const relay = new OutboxRelay({
      ...opts,
      db: app.db,
      secretBox: app.secretBox,
      clock: app.clock,
      log: app.log,
      metrics,
    });
    app.decorate('outbox', {
      instanceId: relay.instanceId,
      get topics() {
        return relay.topics;
      },
      registerSender: (topic, sender) => relay.registerSender(topic, sender),
      runOnce: () => relay.runOnce(),
      purge: () => relay.purge(),
      wake: () => relay.wake(),
    } satisfies OutboxApi);

    if (app.backgroundJobs) {
      app.addHook('onReady', async () => {
        await relay.start(app.listenHub);
      });
    }
    app.addHook('onClose', async () => {
      await relay.stop();
    });
  },
  { name: 'outbox', dependencies: ['db', 'metrics'] },
);
