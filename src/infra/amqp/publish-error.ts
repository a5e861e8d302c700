/**
 * Why a publish was not confirmed. Every reason but `invalid_body` is transient: the same message may
 * go through later, so an outbox keeps the event pending and retries it with backoff.
 */
export type PublishFailureReason =
  /** No AMQP_URL: events wait until a broker is configured. */
  | 'not_configured'
  /** No connection within the wait (broker down, unreachable, reconnecting). */
  | 'unavailable'
  /** The broker blocked the connection (memory or disk alarm). */
  | 'blocked'
  /** Neither ack nor nack within the confirm timeout; the message may still arrive (at-least-once). */
  | 'timeout'
  /** The broker refused the message (basic.nack). */
  | 'nacked'
  /** `mandatory` and no queue is bound for the routing key. */
  | 'unroutable'
  /** The channel or connection went away before the confirm. `code` is the AMQP reply code, if any. */
  | 'channel_closed'
  /** The publisher is shutting down. */
  | 'closed'
  /** The caller's AbortSignal fired first; the message may still arrive (at-least-once). */
  | 'aborted'
  /** The body cannot be encoded or exceeds the size limit: retrying the same body cannot help. */
  | 'invalid_body';

export class AmqpPublishError extends Error {
  override name = 'AmqpPublishError';
  readonly retryable: boolean;
  /** The AMQP reply code that closed the channel (404 no such exchange, 403 access refused …). */
  readonly code: number | undefined;

  constructor(
    readonly reason: PublishFailureReason,
    message: string,
    options: { cause?: unknown; code?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = reason !== 'invalid_body';
    this.code = options.code;
  }
}
