import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import { type OutboxRow, type Settlement, settle } from './relay-repository.js';
import { nextRetryDelayMs } from './retry-schedule.js';
import { type DeliveryOutcome, type OutboxEvent, type OutboxSender, truncateError } from './sender.js';

/** What one claimed row came to. `lost`: the lease lapsed (or the write failed) before the outcome was kept. */
export type DeliveryResult = 'delivered' | 'retry' | 'dead' | 'lost' | 'released';

export interface DeliveryDeps {
  db: Kysely<Database>;
  secretBox: SecretBox;
  clock: Clock;
  random: () => number;
  lockedBy: string;
  /** The relay stops waiting for a sender after this long, well before the lease lapses. */
  sendTimeoutMs: number;
}

/** Delivers one claimed row with its topic's sender and records the outcome under the lease. */
export async function deliverClaimed(
  deps: DeliveryDeps,
  row: OutboxRow,
  sender: OutboxSender | undefined,
): Promise<{ result: DeliveryResult; outcome?: DeliveryOutcome }> {
  const lease = { id: row.id, lockedBy: deps.lockedBy, attempts: row.attempts };
  if (sender === undefined) {
    return { result: (await settle(deps.db, lease, { status: 'released' })) ? 'released' : 'lost' };
  }
  const opened = openEvent(deps.secretBox, row);
  const outcome =
    'event' in opened ? await sendWithDeadline(sender, opened.event, deps.sendTimeoutMs) : opened;
  const settlement = toSettlement(outcome, row.attempts, deps);
  const ours = await settle(deps.db, lease, settlement);
  if (!ours) return { result: 'lost', outcome };
  return { result: settlement.status === 'released' ? 'released' : settlement.status, outcome };
}

function openEvent(secretBox: SecretBox, row: OutboxRow): { event: OutboxEvent } | DeliveryOutcome {
  let secretPayload: Record<string, unknown> | undefined;
  if (row.secret_payload !== null) {
    try {
      secretPayload = secretBox.openJson<Record<string, unknown>>(row.secret_payload);
    } catch {
      // A lost or rotated-out key will not come back by itself: an admin fixes the key, then retries.
      return { kind: 'dead', error: 'secret_payload cannot be decrypted with the configured keys' };
    }
  }
  return {
    event: {
      id: row.id,
      topic: row.topic,
      orderingKey: row.ordering_key,
      sequence: row.sequence,
      payload: row.payload,
      secretPayload,
      attempt: row.attempts,
      createdAt: row.created_at,
    },
  };
}

async function sendWithDeadline(
  sender: OutboxSender,
  event: OutboxEvent,
  timeoutMs: number,
): Promise<DeliveryOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<DeliveryOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ kind: 'retry', error: `no outcome within ${timeoutMs} ms` });
    }, timeoutMs);
  });
  try {
    return await Promise.race([sender.send(event, { signal: controller.signal }), deadline]);
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : 'sender failed';
    return { kind: 'retry', error: truncateError(message) };
  } finally {
    clearTimeout(timer);
  }
}

function toSettlement(
  outcome: DeliveryOutcome,
  attempts: number,
  deps: Pick<DeliveryDeps, 'clock' | 'random'>,
): Settlement {
  const now = deps.clock.now();
  const lastStatus = outcome.status ?? null;
  if (outcome.kind === 'delivered') return { status: 'delivered', at: now, lastStatus };
  const lastError = truncateError(outcome.error);
  if (outcome.kind === 'dead') return { status: 'dead', lastStatus, lastError };
  const delay = nextRetryDelayMs(attempts, deps.random, outcome.retryAfterMs);
  if (delay === undefined) {
    return { status: 'dead', lastStatus, lastError: truncateError(`retries used up: ${outcome.error}`) };
  }
  return { status: 'retry', nextAttemptAt: new Date(now.getTime() + delay), lastStatus, lastError };
}
