import type { ChannelModel, ConfirmChannel, Message } from 'amqplib';
import { closeBounded } from './close-bounded.js';
import type { AmqpConnectionManager, AmqpLog } from './connection-manager.js';
import { AmqpPublishError } from './publish-error.js';

export interface PublishOptions {
  /** The idempotency key consumers dedupe on (the outbox event id). */
  messageId: string;
  correlationId?: string;
  /** deliveryMode 2: the message survives a broker restart once confirmed. Default true. */
  persistent?: boolean;
  /** Default `application/json`. */
  contentType?: string;
  headers?: Record<string, unknown>;
  /** Reject with `unroutable` instead of letting the broker drop a message no queue is bound for. */
  mandatory?: boolean;
  /** Gives up (rejects `aborted`) when the caller stops waiting, e.g. the outbox relay's send signal. */
  signal?: AbortSignal;
}

export type PublishFn = (
  exchange: string,
  routingKey: string,
  body: Buffer | object,
  options: PublishOptions,
) => Promise<void>;

export interface ConfirmPublisherOptions {
  /** How long a publish waits for a (re)connect before it fails `unavailable`. */
  connectWaitMs?: number;
  /** How long a publish waits for the broker's ack or nack before it fails `timeout`. */
  confirmTimeoutMs?: number;
  /** Larger bodies fail `invalid_body` here instead of closing the shared channel at the broker. */
  maxMessageBytes?: number;
  log?: AmqpLog;
}

interface ChannelState {
  model: ChannelModel;
  channel: ConfirmChannel;
  closed: boolean;
  closeCode: number | undefined;
  /** messageIds the broker returned as unroutable; a return always precedes the message's ack. */
  returned: Set<string>;
}

/**
 * Publishes on one confirm channel per connection and resolves only once the broker has confirmed the
 * message (for a persistent message to a durable queue: written to disk). It never buffers: with no
 * connection, a blocked one, a nack or no confirm in time it rejects with an `AmqpPublishError`, and the
 * caller (the outbox relay) keeps the event and retries later.
 */
export class ConfirmPublisher {
  private state: ChannelState | undefined;
  private opening: Promise<ChannelState> | undefined;
  private closed = false;
  private readonly pending = new Set<(error: AmqpPublishError) => void>();
  private readonly connectWaitMs: number;
  private readonly confirmTimeoutMs: number;
  private readonly maxMessageBytes: number;

  constructor(
    private readonly manager: AmqpConnectionManager,
    private readonly options: ConfirmPublisherOptions = {},
  ) {
    this.connectWaitMs = options.connectWaitMs ?? 5_000;
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? 10_000;
    this.maxMessageBytes = options.maxMessageBytes ?? 16 * 1024 * 1024;
  }

  readonly publish: PublishFn = async (exchange, routingKey, body, options) => {
    const { signal } = options;
    if (!signal) return this.publishNow(exchange, routingKey, body, options);
    if (signal.aborted) throw new AmqpPublishError('aborted', 'the caller stopped waiting');
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(new AmqpPublishError('aborted', 'the caller stopped waiting'));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      // An abandoned publish may still be confirmed later: a duplicate the consumer dedupes on messageId.
      return await Promise.race([this.publishNow(exchange, routingKey, body, options), aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  };

  private async publishNow(...[exchange, routingKey, body, options]: Parameters<PublishFn>): Promise<void> {
    const content = this.encode(body);
    if (this.closed) throw new AmqpPublishError('closed', 'the publisher is closed');
    // Waiting only helps across a reconnect in progress; a broker known to be down fails at once, so a
    // relay draining a backlog does not sit out the wait once per event.
    if (this.manager.failing) throw new AmqpPublishError('unavailable', 'the AMQP broker is unreachable');
    let model: ChannelModel;
    try {
      model = await this.manager.waitForConnection(this.connectWaitMs);
    } catch (error) {
      throw new AmqpPublishError('unavailable', 'no AMQP connection', { cause: error });
    }
    if (this.manager.isBlocked) throw new AmqpPublishError('blocked', 'the broker blocked the connection');
    let state: ChannelState;
    try {
      state = await this.channelFor(model);
    } catch (error) {
      throw new AmqpPublishError('channel_closed', 'could not open a confirm channel', { cause: error });
    }
    return this.send(state, exchange, routingKey, content, options);
  }

  /** Rejects every publish still waiting for its confirm and closes the channel. */
  async close(): Promise<void> {
    this.closed = true;
    for (const fail of [...this.pending]) fail(new AmqpPublishError('closed', 'the publisher closed'));
    const state = this.state;
    this.state = undefined;
    if (state && !state.closed) await closeBounded(state.channel);
  }

  private send(
    state: ChannelState,
    exchange: string,
    routingKey: string,
    content: Buffer,
    options: PublishOptions,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error?: AmqpPublishError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.pending.delete(finish);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(
        () =>
          finish(new AmqpPublishError('timeout', `no publisher confirm within ${this.confirmTimeoutMs} ms`)),
        this.confirmTimeoutMs,
      );
      this.pending.add(finish);
      const onConfirm = (error: unknown) => {
        const wasReturned = state.returned.delete(options.messageId);
        if (error === null || error === undefined) {
          finish(
            wasReturned
              ? new AmqpPublishError('unroutable', 'no queue is bound for the routing key')
              : undefined,
          );
          return;
        }
        // amqplib fails unconfirmed callbacks just before it emits the channel's 'close'; wait for that
        // event to tell a closed channel from a broker nack without reading error messages.
        queueMicrotask(() =>
          finish(
            state.closed
              ? new AmqpPublishError('channel_closed', 'the channel closed before the confirm', {
                  cause: error,
                  code: state.closeCode,
                })
              : new AmqpPublishError('nacked', 'the broker nacked the message', { cause: error }),
          ),
        );
      };
      try {
        // The return value only signals a full socket buffer; the confirm callback still comes.
        state.channel.publish(
          exchange,
          routingKey,
          content,
          {
            messageId: options.messageId,
            correlationId: options.correlationId,
            persistent: options.persistent ?? true,
            contentType: options.contentType ?? 'application/json',
            headers: options.headers,
            mandatory: options.mandatory ?? false,
          },
          onConfirm,
        );
      } catch (error) {
        finish(
          new AmqpPublishError('channel_closed', 'the channel closed', {
            cause: error,
            code: state.closeCode,
          }),
        );
      }
    });
  }

  private encode(body: Buffer | object): Buffer {
    let content: Buffer;
    try {
      content = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    } catch (error) {
      throw new AmqpPublishError('invalid_body', 'the body is not serialisable as JSON', { cause: error });
    }
    if (content.length > this.maxMessageBytes) {
      throw new AmqpPublishError(
        'invalid_body',
        `the body is ${content.length} bytes; the limit is ${this.maxMessageBytes}`,
      );
    }
    return content;
  }

  private async channelFor(model: ChannelModel): Promise<ChannelState> {
    const current = this.state;
    if (current && current.model === model && !current.closed) return current;
    if (!this.opening) {
      this.opening = this.open(model).finally(() => {
        this.opening = undefined;
      });
    }
    const state = await this.opening;
    // A reconnect happened while a channel opened on the previous connection: let the caller retry.
    if (state.model !== model || state.closed) throw new Error('the connection changed while opening');
    return state;
  }

  private async open(model: ChannelModel): Promise<ChannelState> {
    const channel = await model.createConfirmChannel();
    const state: ChannelState = { model, channel, closed: false, closeCode: undefined, returned: new Set() };
    channel.on('error', (error: { code?: number }) => {
      state.closeCode = error.code;
      this.options.log?.warn({ err: error }, 'amqp publisher channel error');
    });
    channel.on('close', () => {
      state.closed = true;
      if (this.state === state) this.state = undefined;
    });
    channel.on('return', (message: Message) => {
      const id = message.properties.messageId as string | undefined;
      if (id !== undefined) state.returned.add(id);
    });
    if (this.closed) {
      await closeBounded(channel);
      throw new Error('the publisher closed while opening');
    }
    this.state = state;
    return state;
  }
}
