import type { Channel, ChannelModel, ConsumeMessage, Options } from 'amqplib';
import { backoffDelay } from './backoff.js';
import { closeBounded } from './close-bounded.js';
import type { AmqpConnectionManager, AmqpLog } from './connection-manager.js';
import { assertTopology, type ExchangeType } from './topology.js';

/** `requeue` puts the message back for another try; `drop` discards it (or dead-letters, if configured). */
export type HandlerResult = 'ack' | 'requeue' | 'drop';

export interface InboundMessage {
  body: Buffer;
  exchange: string;
  routingKey: string;
  /** True when the broker delivered it before (a requeue or a lost connection): handlers must be idempotent. */
  redelivered: boolean;
  messageId: string | undefined;
  correlationId: string | undefined;
  contentType: string | undefined;
  headers: Record<string, unknown>;
}

export type MessageHandler = (message: InboundMessage) => Promise<HandlerResult> | HandlerResult;

export interface ConsumeOptions {
  exchange: string;
  exchangeType?: ExchangeType;
  queue: string;
  bindingKey: string;
  /** Unacknowledged messages in flight at once. Default 10. */
  prefetch?: number;
  handler: MessageHandler;
  /** A throwing handler's message is requeued after this delay, so a failing dependency is not hot-looped. */
  errorRequeueDelayMs?: number;
  queueOptions?: Options.AssertQueue;
  /** How long `cancel()` waits for handlers still running. */
  drainTimeoutMs?: number;
}

export interface ConsumerHandle {
  /** True while a channel is subscribed to the queue. */
  active(): boolean;
  /** Stops consuming, waits for running handlers (bounded) and closes the channel. */
  cancel(): Promise<void>;
}

const RETRY_BACKOFF = { minMs: 200, maxMs: 10_000 };

/**
 * Consumes one queue with manual acks. Each (re)connect opens a fresh channel, asserts the exchange, queue
 * and binding, and subscribes again; a channel lost while the connection lives (a double ack, a deleted
 * queue) is re-opened with backoff. Acks are per channel: a message whose channel died is redelivered by
 * the broker, so delivery is at-least-once.
 */
export class QueueConsumer implements ConsumerHandle {
  private channel: Channel | undefined;
  private consumerTag: string | undefined;
  private settingUp: ChannelModel | undefined;
  private cancelled = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private readonly offConnect: () => void;
  /** Wake-ups of handlers waiting out their error delay; `cancel()` calls them to requeue at once. */
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly manager: AmqpConnectionManager,
    private readonly options: ConsumeOptions,
    private readonly log?: AmqpLog,
  ) {
    this.offConnect = manager.onConnect((model) => void this.setup(model));
    const model = manager.current();
    if (model) void this.setup(model);
  }

  active(): boolean {
    return this.channel !== undefined && this.consumerTag !== undefined;
  }

  async cancel(): Promise<void> {
    if (this.cancelled) return;
    this.cancelled = true;
    this.offConnect();
    clearTimeout(this.retryTimer);
    const channel = this.channel;
    const tag = this.consumerTag;
    this.channel = undefined;
    this.consumerTag = undefined;
    if (channel && tag) await channel.cancel(tag).catch(() => {});
    for (const wake of [...this.sleepers]) wake();
    const deadline = Date.now() + (this.options.drainTimeoutMs ?? 5_000);
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // Closing the channel requeues whatever a handler still holds.
    if (channel) await closeBounded(channel);
  }

  private async setup(model: ChannelModel): Promise<void> {
    if (this.cancelled || this.settingUp === model) return;
    this.settingUp = model;
    let channel: Channel | undefined;
    try {
      channel = await model.createChannel();
      const opened = channel;
      let closed = false;
      opened.on('error', (error: unknown) =>
        this.log?.warn({ err: error, queue: this.options.queue }, 'amqp consumer channel error'),
      );
      opened.on('close', () => {
        closed = true;
        this.onChannelClosed(opened, model);
      });
      await opened.prefetch(this.options.prefetch ?? 10);
      const { exchange, queue, bindingKey } = this.options;
      await assertTopology(opened, {
        exchanges: [
          { name: exchange, type: this.options.exchangeType ?? 'topic', options: { durable: true } },
        ],
        queues: [{ name: queue, options: { durable: true, ...this.options.queueOptions } }],
        bindings: [{ queue, exchange, bindingKey }],
      });
      const { consumerTag } = await opened.consume(queue, (message) => this.onMessage(opened, message), {
        noAck: false,
      });
      if (this.cancelled) {
        await closeBounded(opened);
        return;
      }
      // The close may have been processed in the same tick as the consume reply.
      if (closed) throw new Error('the channel closed during setup');
      this.channel = opened;
      this.consumerTag = consumerTag;
      this.failures = 0;
      this.log?.info({ queue }, 'amqp consumer subscribed');
    } catch (error) {
      this.log?.warn({ err: error, queue: this.options.queue }, 'amqp consumer setup failed');
      if (channel) await closeBounded(channel);
      this.retryOn(model);
    } finally {
      if (this.settingUp === model) this.settingUp = undefined;
    }
  }

  private onChannelClosed(channel: Channel, model: ChannelModel): void {
    if (this.channel !== channel) return;
    this.channel = undefined;
    this.consumerTag = undefined;
    // A lost connection is handled by the manager's reconnect; a lost channel alone is ours to reopen.
    this.retryOn(model);
  }

  private retryOn(model: ChannelModel): void {
    if (this.cancelled || this.retryTimer || this.manager.current() !== model) return;
    const delay = backoffDelay(this.failures, RETRY_BACKOFF);
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.manager.current() === model) void this.setup(model);
    }, delay);
    this.retryTimer.unref();
  }

  private async onMessage(channel: Channel, message: ConsumeMessage | null): Promise<void> {
    if (message === null) {
      // The broker cancelled the subscription (the queue was deleted): reopen, which re-asserts the queue.
      this.log?.warn({ queue: this.options.queue }, 'amqp consumer cancelled by the broker');
      await closeBounded(channel);
      return;
    }
    this.inFlight += 1;
    try {
      let result: HandlerResult;
      try {
        result = await this.options.handler(toInbound(message));
      } catch (error) {
        this.log?.error({ err: error, queue: this.options.queue }, 'amqp handler threw; requeueing');
        await this.sleep(this.options.errorRequeueDelayMs ?? 1_000);
        settle(channel, message, 'requeue');
        return;
      }
      settle(channel, message, result);
    } finally {
      this.inFlight -= 1;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}

/** Acks on a closed channel throw; the broker already requeued those messages, so that is fine. */
function settle(channel: Channel, message: ConsumeMessage, result: HandlerResult): void {
  try {
    if (result === 'ack') channel.ack(message);
    else if (result === 'drop') channel.nack(message, false, false);
    else channel.nack(message, false, true);
  } catch {
    // Redelivered by the broker.
  }
}

function toInbound(message: ConsumeMessage): InboundMessage {
  const { fields, properties } = message;
  return {
    body: message.content,
    exchange: fields.exchange,
    routingKey: fields.routingKey,
    redelivered: fields.redelivered,
    messageId: properties.messageId as string | undefined,
    correlationId: properties.correlationId as string | undefined,
    contentType: properties.contentType as string | undefined,
    headers: (properties.headers ?? {}) as Record<string, unknown>,
  };
}
