import type { FastifyInstance } from 'fastify';
import type { ConsumerHandle } from '../../infra/amqp/consumer.js';
import { INSTALL_PROGRESS_BINDING } from '../../infra/amqp/topology.js';
import { OUTBOX_TOPICS } from '../../infra/outbox/outbox-writer.js';
import { createInstallSender } from '../../integrations/install-service/install-sender.js';
import { handleProgressDelivery } from '../../integrations/install-service/progress-handler.js';
import { applyInstallProgress } from './progress-service.js';

/** Where progress comes from: the configured exchange and queue, or a test's own. */
export interface ProgressSource {
  exchange: string;
  queue: string;
  bindingKey: string;
  /** Test queues go away with their test. */
  queueOptions?: { autoDelete?: boolean; durable?: boolean };
}

/** The configured names (`AMQP_PROGRESS_EXCHANGE`, `AMQP_PROGRESS_QUEUE`) with the contract's binding. */
export function configuredProgressSource(app: FastifyInstance): ProgressSource {
  const { progressExchange, progressQueue } = app.config.amqpTopology;
  return { exchange: progressExchange, queue: progressQueue, bindingKey: INSTALL_PROGRESS_BINDING };
}

/**
 * Plugs the install publisher into this instance's outbox relay. Only with a broker configured: without
 * one, install events wait in the outbox without spending attempts, and go out once `AMQP_URL` is set.
 */
export function registerInstallSenders(app: FastifyInstance): boolean {
  if (!app.amqp.configured) return false;
  const sender = createInstallSender({
    publish: app.amqp.publish,
    exchange: app.config.amqpTopology.installExchange,
  });
  app.outbox.registerSender(OUTBOX_TOPICS.installStart, sender);
  app.outbox.registerSender(OUTBOX_TOPICS.installDelete, sender);
  app.outbox.registerSender(OUTBOX_TOPICS.installFirewall, sender);
  return true;
}

/**
 * Consumes the Install Service's progress messages (manual acks, prefetch 10) and applies the status
 * rules. The consumer re-subscribes on its own after a broker restart. Returns `undefined` without a
 * broker.
 */
export function startProgressConsumer(
  app: FastifyInstance,
  source: ProgressSource = configuredProgressSource(app),
): ConsumerHandle | undefined {
  if (!app.amqp.configured) return undefined;
  const deps = { db: app.db, clock: app.clock };
  const log = app.log.child({ component: 'install-progress' });
  return app.amqp.consume({
    exchange: source.exchange,
    queue: source.queue,
    bindingKey: source.bindingKey,
    prefetch: 10,
    ...(source.queueOptions ? { queueOptions: source.queueOptions } : {}),
    handler: (message) =>
      handleProgressDelivery(
        message.body,
        { messageId: message.messageId },
        (update) => applyInstallProgress(deps, update),
        log,
      ),
  });
}
