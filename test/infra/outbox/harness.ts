import type { Kysely } from 'kysely';
import type { SecretBox } from '../../../src/infra/crypto/secret-box.js';
import type { Database } from '../../../src/infra/db/database.js';
import { type OutboxEventInput, writeOutboxEvent } from '../../../src/infra/outbox/outbox-writer.js';
import type { DeliveryOutcome, OutboxEvent, OutboxSender } from '../../../src/infra/outbox/sender.js';
import { sleep } from '../../helpers/wait.js';

/** Writes events the way a feature does: in a transaction of their own. Returns their ids in order. */
export async function writeEvents(
  db: Kysely<Database>,
  secretBox: SecretBox,
  events: OutboxEventInput[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const event of events) {
    const { id } = await db.transaction().execute((trx) => writeOutboxEvent(trx, secretBox, event));
    ids.push(id);
  }
  return ids;
}

export async function outboxRows(db: Kysely<Database>) {
  return db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('sequence').execute();
}

export async function outboxRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

type Script = (event: OutboxEvent, call: number) => DeliveryOutcome | Promise<DeliveryOutcome>;

/**
 * A peer standing in for a real one in relay-mechanics tests (the marketplace tests use the real
 * emulator): answers as scripted and records what it saw, including how many calls overlapped.
 */
export class RecordingSender implements OutboxSender {
  readonly calls: OutboxEvent[] = [];
  inFlight = 0;
  maxInFlight = 0;
  readonly #perKey = new Map<string, number>();
  maxInFlightPerKey = 0;

  constructor(
    private readonly script: Script = () => ({ kind: 'delivered', status: 200 }),
    private readonly delayMs = 0,
  ) {}

  async send(event: OutboxEvent): Promise<DeliveryOutcome> {
    const call = this.calls.push(event) - 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const onKey = (this.#perKey.get(event.orderingKey) ?? 0) + 1;
    this.#perKey.set(event.orderingKey, onKey);
    this.maxInFlightPerKey = Math.max(this.maxInFlightPerKey, onKey);
    try {
      if (this.delayMs > 0) await sleep(this.delayMs, 'a slow peer: deliveries overlap');
      return await this.script(event, call);
    } finally {
      this.inFlight -= 1;
      this.#perKey.set(event.orderingKey, (this.#perKey.get(event.orderingKey) ?? 1) - 1);
    }
  }

  get ids(): string[] {
    return this.calls.map((c) => c.id);
  }
}

export const marketplaceEvent = (
  orderingKey: string,
  sequence: number,
  extra: Partial<OutboxEventInput> = {},
): OutboxEventInput => ({
  topic: 'user_service.marketplace_sync',
  orderingKey,
  sequence,
  payload: { action: 'template_approved', external_id: orderingKey, sequence },
  ...extra,
});
