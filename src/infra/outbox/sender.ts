/** One event as a sender sees it: the stored row with its secret part opened for this one send. */
export interface OutboxEvent {
  /** The event id: also `event_id` in bodies, the AMQP `messageId`, the `Idempotency-Key`. */
  id: string;
  topic: string;
  orderingKey: string;
  sequence: number | null;
  payload: Record<string, unknown>;
  /** Opened from `secret_payload` only to send; never log it, never store it elsewhere. */
  secretPayload: Record<string, unknown> | undefined;
  /** This attempt's number, from 1. */
  attempt: number;
  createdAt: Date;
}

/**
 * What became of one attempt. `status` and `error` are kept on the row for admins (`last_status`,
 * `last_error`): put the peer's reply there, never a credential.
 */
export type DeliveryOutcome =
  | { kind: 'delivered'; status?: number }
  | { kind: 'retry'; status?: number; error: string; retryAfterMs?: number }
  | { kind: 'dead'; status?: number; error: string };

export interface SendContext {
  /** Aborted when the relay gives up waiting (before the lease lapses); senders that can, stop then. */
  signal: AbortSignal;
}

/**
 * Delivers the events of one topic. A sender classifies the peer's answer itself; a thrown error is
 * read as "retry later". It must be safe to call again with the same event (at-least-once).
 */
export interface OutboxSender {
  send(event: OutboxEvent, context: SendContext): Promise<DeliveryOutcome>;
}

// Replies are kept for the admin view; a peer that answers with a page of HTML must not bloat the row.
const MAX_ERROR_CHARS = 2_000;

export function truncateError(text: string): string {
  return text.length <= MAX_ERROR_CHARS ? text : `${text.slice(0, MAX_ERROR_CHARS)}…`;
}
