import type { PublishFn } from '../../infra/amqp/confirm-publisher.js';
import { AmqpPublishError } from '../../infra/amqp/publish-error.js';
import { OUTBOX_TOPICS } from '../../infra/outbox/outbox-writer.js';
import { type DeliveryOutcome, type OutboxSender, truncateError } from '../../infra/outbox/sender.js';
import { FIREWALL_ROUTING_KEY, firewallMessageBody } from './firewall-message.js';
import { flatMessageText, isFlatLayout } from './install-layout.js';
import {
  INSTALL_DELETE_ROUTING_KEY,
  type InstallSecrets,
  installProvider,
  installStartRoutingKey,
} from './messages.js';

export interface InstallSenderOptions {
  publish: PublishFn;
  /** The install exchange (`AMQP_INSTALL_EXCHANGE`, the contract's `install` by default). */
  exchange: string;
}

/** Exchange and routing key and body of one outbox event, or why it cannot be sent at all. */
export function installMessage(
  topic: string,
  payload: Record<string, unknown>,
  secrets: Record<string, unknown> | undefined,
): { routingKey: string; body: Record<string, unknown>; text?: string } | { error: string } {
  if (topic === OUTBOX_TOPICS.installStart && isFlatLayout(payload)) {
    const route = payload.route === 'own' ? 'own' : 'tfa';
    // The body is text: the flat layout repeats `name`, which a JS object cannot hold.
    return {
      routingKey: installStartRoutingKey(route),
      body: payload,
      text: flatMessageText(payload, secrets),
    };
  }
  if (topic === OUTBOX_TOPICS.installStart) {
    const provider = installProvider(secrets as InstallSecrets | undefined);
    // The secret parts (cloud, server, environment) join the body only here, just before publishing.
    return { routingKey: installStartRoutingKey(provider), body: { ...payload, ...secrets } };
  }
  if (topic === OUTBOX_TOPICS.installDelete) return { routingKey: INSTALL_DELETE_ROUTING_KEY, body: payload };
  if (topic === OUTBOX_TOPICS.installFirewall) {
    return { routingKey: FIREWALL_ROUTING_KEY, body: firewallMessageBody(payload, secrets) };
  }
  return { error: `the install sender does not handle topic ${topic}` };
}

/**
 * The outbox sender of `install.start`, `install.delete` and `install.firewall`: publishes persistent JSON to the `install`
 * exchange with `messageId` = event id and `correlationId` = deployment hash, and reports "delivered"
 * only once the broker has confirmed. A broker that is down, blocked or slow to confirm is a retry (the
 * event stays pending, nothing is lost); only a body that can never be sent is dead. Errors name the
 * reason, never the body (it carries credentials).
 */
export function createInstallSender(options: InstallSenderOptions): OutboxSender {
  const { exchange } = options;
  return {
    async send(event): Promise<DeliveryOutcome> {
      const message = installMessage(event.topic, event.payload, event.secretPayload);
      if ('error' in message) return { kind: 'dead', error: message.error };
      const hash = event.payload.deployment_hash;
      try {
        await options.publish(
          exchange,
          message.routingKey,
          Buffer.from(message.text ?? JSON.stringify(message.body)),
          {
            messageId: event.id,
            ...(typeof hash === 'string' ? { correlationId: hash } : {}),
            persistent: true,
            contentType: 'application/json',
          },
        );
      } catch (err) {
        if (!(err instanceof AmqpPublishError)) throw err;
        const error = truncateError(`${err.reason}: ${err.message}`);
        return err.retryable ? { kind: 'retry', error } : { kind: 'dead', error };
      }
      return { kind: 'delivered' };
    },
  };
}
