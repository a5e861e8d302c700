import { z } from 'zod';
import type { EmulatorProduct } from './seed.js';
import type { SyncEventRecord } from './state.js';
import type { EmulatorStore } from './store.js';

const text = z.string().nullish();

/** The webhook body of `user-service.md` ("Marketplace sync webhook"). */
export const syncBodySchema = z.object({
  action: z.enum(['template_approved', 'template_updated', 'template_rejected']),
  event_id: z.string().min(1),
  sequence: z.number().int().nonnegative(),
  occurred_at: text,
  stack_template_id: text,
  external_id: z.string().min(1),
  code: text,
  name: text,
  description: text,
  category_code: text,
  category: text,
  price: z.union([z.number(), z.string()]).nullish(),
  billing_cycle: text,
  currency: text,
  required_plan_name: text,
  vendor_user_id: z.union([z.string(), z.number()]).nullish(),
  vendor_name: text,
});
export type SyncBody = z.infer<typeof syncBodySchema>;

export interface SyncOutcome {
  status: number;
  body: Record<string, unknown>;
  outcome: SyncEventRecord['outcome'];
}

type ProductFields = Partial<Omit<EmulatorProduct, '_id'>>;

/**
 * Applies one event the way the real service is expected to: idempotent on `event_id` (a replay gets the
 * first reply and changes nothing) and ordered by `sequence` (anything not newer than what was applied
 * for that product is acknowledged and dropped).
 */
export function applySyncEvent(store: EmulatorStore, event: SyncBody): SyncOutcome {
  const previous = store.syncReplies.get(event.event_id);
  if (previous !== undefined) return { ...previous, outcome: 'replayed' };

  const existing = store.productByExternalId(event.external_id);
  const lastSequence = store.syncSequences.get(event.external_id);
  if (lastSequence !== undefined && event.sequence <= lastSequence) {
    return remember(
      store,
      event,
      { success: true, product_id: existing?._id ?? null, ignored: 'stale_sequence' },
      'stale',
    );
  }

  let product = existing;
  if (event.action === 'template_approved') {
    if (product === undefined)
      product = store.addProduct({ ...emptyProduct(event.external_id), ...fieldsOf(event) });
    else Object.assign(product, fieldsOf(event));
    product.is_active = true;
  } else if (event.action === 'template_updated') {
    // An update for a product that was never approved means the sender lost ordering: say so loudly.
    if (product === undefined)
      return { status: 404, body: { success: false, error: 'product_not_found' }, outcome: 'refused' };
    Object.assign(product, fieldsOf(event));
  } else if (product !== undefined) {
    product.is_active = false;
  }
  store.syncSequences.set(event.external_id, event.sequence);
  return remember(store, event, { success: true, product_id: product?._id ?? null }, 'applied');
}

function remember(
  store: EmulatorStore,
  event: SyncBody,
  body: Record<string, unknown>,
  outcome: SyncOutcome['outcome'],
): SyncOutcome {
  store.syncReplies.set(event.event_id, { status: 200, body });
  return { status: 200, body, outcome };
}

function emptyProduct(externalId: string): Omit<EmulatorProduct, '_id'> {
  return {
    product_type: 'template',
    external_id: externalId,
    code: null,
    name: null,
    description: null,
    price: null,
    currency: null,
    billing_cycle: null,
    is_active: true,
    category_code: null,
    required_plan_name: null,
    vendor_user_id: null,
    vendor_name: null,
  };
}

/** Only the fields the event carries: a partial update must not blank the others. */
function fieldsOf(event: SyncBody): ProductFields {
  const fields: ProductFields = {};
  if (event.code !== undefined) fields.code = event.code;
  if (event.name !== undefined) fields.name = event.name;
  if (event.description !== undefined) fields.description = event.description;
  const category = event.category_code ?? event.category;
  if (category !== undefined) fields.category_code = category;
  if (event.price !== undefined) fields.price = toPrice(event.price);
  if (event.billing_cycle !== undefined) fields.billing_cycle = event.billing_cycle;
  if (event.currency !== undefined) fields.currency = event.currency;
  if (event.required_plan_name !== undefined) fields.required_plan_name = event.required_plan_name;
  if (event.vendor_user_id !== undefined) {
    fields.vendor_user_id = event.vendor_user_id === null ? null : String(event.vendor_user_id);
  }
  if (event.vendor_name !== undefined) fields.vendor_name = event.vendor_name;
  return fields;
}

function toPrice(value: number | string | null): number | null {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
  const price = Number(value);
  return Number.isFinite(price) ? price : null;
}
