import { afterEach, describe, expect, it } from 'vitest';
import { DEV_SERVICE_TOKEN } from '../../dev/user-service/seed.js';
import { startUserServiceEmulator, type UserServiceEmulator } from '../../dev/user-service/server.js';
import {
  standardWebhookHeaders,
  webhookSigningKey,
} from '../../src/integrations/user-service/webhook-signature.js';
import { testWebhookSecret } from '../helpers/webhooks.js';
import { approvedEvent } from '../integrations/user-service/harness.js';

const SECRET = testWebhookSecret();
const KEY = webhookSigningKey(SECRET);
let emulator: UserServiceEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: Parameters<typeof startUserServiceEmulator>[0] = {}) {
  emulator = await startUserServiceEmulator(options);
  return emulator;
}

async function sync(target: UserServiceEmulator, event: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${target.url}/marketplace/sync`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEV_SERVICE_TOKEN}`, 'content-type': 'application/json', ...headers },
    body: typeof event === 'string' ? event : JSON.stringify(event),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const rejected = (externalId: string, sequence: number) => ({
  action: 'template_rejected',
  stack_template_id: externalId,
  external_id: externalId,
  event_id: `evt-reject-${sequence}`,
  sequence,
  occurred_at: '2026-01-09T00:00:00Z',
});

describe('POST /marketplace/sync', () => {
  it('creates a product on template_approved and answers {success, product_id}', async () => {
    const e = await start();
    const reply = await sync(e, approvedEvent('tpl-1'));
    const product = e.state.store.productByExternalId('tpl-1');
    expect(reply).toEqual({ status: 200, body: { success: true, product_id: product?._id } });
    expect(product).toMatchObject({
      product_type: 'template',
      code: 'ghost-blog',
      price: 12.5,
      is_active: true,
    });
    expect(product).toMatchObject({ category_code: 'web', currency: 'USD', vendor_user_id: '2' });
  });

  it('is idempotent on event_id: a replay gets the same reply and changes nothing', async () => {
    const e = await start();
    const first = await sync(e, approvedEvent('tpl-1'));
    const replay = await sync(e, approvedEvent('tpl-1', { price: 99, name: 'Changed' }));
    expect(replay).toEqual(first);
    expect(e.state.store.products).toHaveLength(1);
    expect(e.state.store.productByExternalId('tpl-1')).toMatchObject({ price: 12.5, name: 'Ghost blog' });
    expect(e.state.syncEvents.map((r) => r.outcome)).toEqual(['applied', 'replayed']);
  });

  it('updates, deactivates and reactivates the product as the sequence advances', async () => {
    const e = await start();
    await sync(e, approvedEvent('tpl-1'));
    await sync(e, {
      ...approvedEvent('tpl-1'),
      action: 'template_updated',
      event_id: 'evt-u',
      sequence: 2,
      price: 20,
    });
    expect(e.state.store.productByExternalId('tpl-1')).toMatchObject({ price: 20, is_active: true });
    await sync(e, rejected('tpl-1', 3));
    expect(e.state.store.productByExternalId('tpl-1')?.is_active).toBe(false);
    await sync(e, approvedEvent('tpl-1', { event_id: 'evt-again', sequence: 4 }));
    expect(e.state.store.productByExternalId('tpl-1')?.is_active).toBe(true);
    expect(e.state.store.products).toHaveLength(1);
  });

  it('drops an event older than the last applied sequence', async () => {
    const e = await start();
    await sync(e, approvedEvent('tpl-1'));
    await sync(e, rejected('tpl-1', 5));
    const late = await sync(e, approvedEvent('tpl-1', { event_id: 'evt-late', sequence: 4 }));
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ success: true, ignored: 'stale_sequence' });
    expect(e.state.store.productByExternalId('tpl-1')?.is_active).toBe(false);
    expect(e.state.syncEvents.at(-1)?.outcome).toBe('stale');
  });

  it('answers 404 to an update of a product that was never approved', async () => {
    const e = await start();
    const reply = await sync(e, { ...approvedEvent('tpl-9'), action: 'template_updated' });
    expect(reply.status).toBe(404);
    expect(e.state.store.products).toHaveLength(0);
  });

  it('requires the service bearer and a valid body', async () => {
    const e = await start();
    expect((await sync(e, approvedEvent('tpl-1'), { authorization: 'Bearer dev-admin-token' })).status).toBe(
      401,
    );
    expect((await sync(e, { action: 'template_approved', event_id: 'x' })).status).toBe(400);
    expect((await sync(e, 'not json')).status).toBe(400);
    expect(e.state.store.products).toHaveLength(0);
    expect(e.state.syncEvents.every((r) => r.outcome === 'refused')).toBe(true);
  });
});

describe('Standard Webhooks signature on the emulator', () => {
  const nowSecs = () => Math.floor(Date.now() / 1000);

  it('accepts a correctly signed body', async () => {
    const e = await start({ webhookSecret: SECRET });
    const body = JSON.stringify(approvedEvent('tpl-s'));
    const reply = await sync(e, body, { ...standardWebhookHeaders(KEY, 'msg-1', nowSecs(), body) });
    expect(reply.status).toBe(200);
  });

  it('refuses a missing, wrong or stale signature without applying the event', async () => {
    const e = await start({ webhookSecret: SECRET });
    const body = JSON.stringify(approvedEvent('tpl-s'));
    const missing = await sync(e, body);
    const wrongSecret = await sync(e, body, {
      ...standardWebhookHeaders(webhookSigningKey(testWebhookSecret()), 'msg-1', nowSecs(), body),
    });
    const tampered = await sync(e, body.replace('12.5', '0'), {
      ...standardWebhookHeaders(KEY, 'msg-1', nowSecs(), body),
    });
    const stale = await sync(e, body, { ...standardWebhookHeaders(KEY, 'msg-1', nowSecs() - 3600, body) });
    expect([missing, wrongSecret, tampered, stale].map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(stale.body.error).toBe('invalid_signature:stale_timestamp');
    expect(e.state.store.products).toHaveLength(0);
  });
});
