import type { Channel, Options } from 'amqplib';

export type ExchangeType = 'topic' | 'direct' | 'fanout' | 'headers';

export interface ExchangeSpec {
  name: string;
  type: ExchangeType;
  options?: Options.AssertExchange;
}

export interface QueueSpec {
  name: string;
  options?: Options.AssertQueue;
}

export interface BindingSpec {
  queue: string;
  exchange: string;
  bindingKey: string;
}

/** Exchanges, queues and bindings that must exist; asserting them is idempotent. */
export interface Topology {
  exchanges?: ExchangeSpec[];
  queues?: QueueSpec[];
  bindings?: BindingSpec[];
}

/** The install exchange (durable topic); its name is configured (`AMQP_INSTALL_EXCHANGE`). */
export function installExchange(name: string): ExchangeSpec {
  return { name, type: 'topic', options: { durable: true } };
}

/** The contract's binding of the progress queue (`install-service.md`): every progress routing key. */
export const INSTALL_PROGRESS_BINDING = 'install.progress.*.*.*';

/** Asserts in dependency order: exchanges, then queues, then the bindings between them. */
export async function assertTopology(channel: Channel, topology: Topology): Promise<void> {
  for (const exchange of topology.exchanges ?? []) {
    await channel.assertExchange(exchange.name, exchange.type, { durable: true, ...exchange.options });
  }
  for (const queue of topology.queues ?? []) {
    await channel.assertQueue(queue.name, { durable: true, ...queue.options });
  }
  for (const binding of topology.bindings ?? []) {
    await channel.bindQueue(binding.queue, binding.exchange, binding.bindingKey);
  }
}
