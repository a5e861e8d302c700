import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { OUTBOX_TOPICS, writeOutboxEvent } from '../../infra/outbox/outbox-writer.js';
import type { MarketplaceAction } from './lifecycle.js';
import { findTemplateById, nextEventSequence, type TemplateRecord } from './repository.js';
import { iso } from './views.js';

/**
 * The body of the marketplace sync webhook (user-service.md). `template_rejected` carries only the
 * identity: the receiver deactivates the product and needs nothing else.
 */
export function marketplacePayload(
  action: MarketplaceAction,
  t: TemplateRecord,
  meta: { eventId: string; sequence: number; occurredAt: Date },
): Record<string, unknown> {
  const head = {
    action,
    event_id: meta.eventId,
    sequence: meta.sequence,
    occurred_at: iso(meta.occurredAt),
    stack_template_id: t.id,
    external_id: t.id,
  };
  if (action === 'template_rejected') return head;
  return {
    ...head,
    code: t.slug,
    name: t.name,
    description: t.short_description ?? t.long_description,
    category_code: t.category_code,
    category: t.category_code,
    price: t.listing_price === null ? 0 : Number(t.listing_price),
    billing_cycle: t.listing_billing_cycle ?? 'free',
    currency: (t.listing_currency ?? 'USD').trim(),
    required_plan_name: t.required_plan_name,
    vendor_user_id: t.creator_user_id,
    vendor_name: t.creator_name,
  };
}

/**
 * Writes the event in the caller's transaction (it exists only if the change commits). The caller
 * holds the template's row lock, so the sequence is taken in the order the changes happen; the body is
 * read after the change, so it describes the template as the change left it.
 */
export async function writeMarketplaceEvent(
  trx: Transaction<Database>,
  secretBox: SecretBox,
  templateId: string,
  action: MarketplaceAction,
  occurredAt: Date,
): Promise<string> {
  const sequence = await nextEventSequence(trx, templateId);
  const template = await findTemplateById(trx, templateId);
  if (template === undefined) throw new Error(`template ${templateId} vanished inside its own transaction`);
  const eventId = randomUUID();
  await writeOutboxEvent(trx, secretBox, {
    topic: OUTBOX_TOPICS.marketplaceSync,
    orderingKey: templateId,
    sequence,
    payload: marketplacePayload(action, template, { eventId, sequence, occurredAt }),
    id: eventId,
  });
  return eventId;
}
