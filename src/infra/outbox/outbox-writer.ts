import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import { notify } from '../db/notify.js';

export const OUTBOX_TOPICS = {
  marketplaceSync: 'user_service.marketplace_sync',
  installStart: 'install.start',
  installDelete: 'install.delete',
  installFirewall: 'install.firewall',
} as const;
export type OutboxTopic = (typeof OUTBOX_TOPICS)[keyof typeof OUTBOX_TOPICS];

/** The channel the relays LISTEN on; the payload is the topic. */
export const OUTBOX_CHANNEL = 'stacker_outbox';

export interface OutboxEventInput {
  topic: OutboxTopic;
  /** Events of one key are delivered in order (a template id, a deployment hash). */
  orderingKey: string;
  sequence?: number | null;
  payload: Record<string, unknown>;
  /** Credentials to deliver but never show: stored sealed, opened only to send. */
  secretPayload?: Record<string, unknown>;
  /** The event id (also `event_id` inside payloads); generated when absent. */
  id?: string;
}

/**
 * Writes an event in the caller's transaction, so it exists only if the business change commits, and
 * wakes the relays at commit. Taking a Transaction (not a Kysely) makes "outside a transaction" a type error.
 */
export async function writeOutboxEvent(
  trx: Transaction<Database>,
  secretBox: SecretBox,
  event: OutboxEventInput,
): Promise<{ id: string }> {
  const id = event.id ?? randomUUID();
  await trx
    .insertInto('outbox')
    .values({
      id,
      topic: event.topic,
      ordering_key: event.orderingKey,
      sequence: event.sequence ?? null,
      payload: JSON.stringify(event.payload),
      secret_payload: event.secretPayload ? secretBox.sealJson(event.secretPayload) : null,
    })
    .execute();
  await notify(trx as unknown as Kysely<Database>, OUTBOX_CHANNEL, event.topic);
  return { id };
}
