import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge } from 'prom-client';
import { ConfirmPublisher, type ConfirmPublisherOptions, type PublishFn } from './confirm-publisher.js';
import {
  AmqpConnectionManager,
  type AmqpStatus,
  type ConnectionManagerOptions,
} from './connection-manager.js';
import { type ConsumeOptions, type ConsumerHandle, QueueConsumer } from './consumer.js';
import { AmqpPublishError } from './publish-error.js';
import { installExchange } from './topology.js';

export interface AmqpFacade {
  /** False without AMQP_URL: publishes reject `not_configured` (retryable) and consumers stay idle. */
  readonly configured: boolean;
  publish: PublishFn;
  consume(options: ConsumeOptions): ConsumerHandle;
  status(): AmqpStatus;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** RabbitMQ: confirmed publishes, self-healing consumers, the connection's health. */
    amqp: AmqpFacade;
  }
}

export interface AmqpPluginOptions {
  /** Backoff and timeouts; tests shorten them. */
  manager?: Omit<ConnectionManagerOptions, 'url' | 'log'>;
  publisher?: Omit<ConfirmPublisherOptions, 'log'>;
}

const idleConsumer: ConsumerHandle = { active: () => false, cancel: async () => {} };

const notConfigured: AmqpFacade = {
  configured: false,
  publish: async () => {
    throw new AmqpPublishError('not_configured', 'AMQP_URL is not set');
  },
  consume: () => idleConsumer,
  status: () => 'not_configured',
};

/**
 * Decorates `app.amqp` and reports `amqp` to the health check. The connection opens in the background
 * once the app is ready, so a down broker never blocks startup: publishes fail fast until it is back.
 */
export const amqpPlugin = fp(
  async (app: FastifyInstance, opts: AmqpPluginOptions) => {
    const url = app.config.amqpUrl;
    if (!url) {
      app.decorate('amqp', notConfigured);
      app.healthChecks.set('amqp', () => 'not_configured');
      return;
    }

    const manager = new AmqpConnectionManager({
      connectionName: `stacker ${hostname()} pid ${process.pid}`,
      ...opts.manager,
      url,
      log: app.log,
    });
    await manager.declare({ exchanges: [installExchange(app.config.amqpTopology.installExchange)] });
    const publisher = new ConfirmPublisher(manager, { ...opts.publisher, log: app.log });
    const consumers = new Set<QueueConsumer>();

    const published = new Counter({
      name: 'stacker_amqp_publish_total',
      help: 'AMQP publishes by outcome: confirmed, or the failure reason',
      labelNames: ['outcome'] as const,
      registers: [app.metrics],
    });
    new Gauge({
      name: 'stacker_amqp_up',
      help: '1 while the AMQP connection is open and not blocked',
      registers: [app.metrics],
      collect() {
        this.set(manager.status() === 'ok' ? 1 : 0);
      },
    });

    const publish: PublishFn = async (exchange, routingKey, body, options) => {
      try {
        await publisher.publish(exchange, routingKey, body, options);
        published.inc({ outcome: 'confirmed' });
      } catch (error) {
        published.inc({ outcome: error instanceof AmqpPublishError ? error.reason : 'error' });
        throw error;
      }
    };

    app.decorate('amqp', {
      configured: true,
      publish,
      consume(options: ConsumeOptions): ConsumerHandle {
        const consumer = new QueueConsumer(manager, options, app.log);
        consumers.add(consumer);
        return {
          active: () => consumer.active(),
          cancel: async () => {
            consumers.delete(consumer);
            await consumer.cancel();
          },
        };
      },
      status: () => manager.status(),
    } satisfies AmqpFacade);
    app.healthChecks.set('amqp', () => manager.status());

    app.addHook('onReady', async () => {
      manager.start();
    });
    app.addHook('onClose', async () => {
      await Promise.all([...consumers].map((consumer) => consumer.cancel()));
      await publisher.close();
      await manager.close();
    });
  },
  { name: 'amqp', dependencies: ['health', 'metrics'] },
);
