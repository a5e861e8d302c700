import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import type { OutboxEvent } from '../../../src/infra/outbox/sender.js';
import {
  classifySyncReply,
  createMarketplaceSyncSender,
} from '../../../src/integrations/user-service/marketplace-sync-sender.js';
import { testWebhookSecret } from '../../helpers/webhooks.js';
import { approvedEvent, startHarness } from './harness.js';

const SECRET = testWebhookSecret();
const TEMPLATE_ID = '0b6f3c8e-4a43-4c1f-9a52-2f4f8d1f6a10';
let harness: Awaited<ReturnType<typeof startHarness>> | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const reply = (status: number, bodyText = '{}', headers: Record<string, string> = {}) => ({
  status,
  headers,
  bodyText,
});

function eventFor(templateId: string, id = '4d2b9a8e-1c37-4f7e-8d8c-0e3c2b1a9f00'): OutboxEvent {
  const payload = approvedEvent(templateId);
  return {
    id,
    topic: 'user_service.marketplace_sync',
    orderingKey: templateId,
    sequence: 1,
    payload: { ...payload, event_id: 'stale-id-from-payload' },
    secretPayload: undefined,
    attempt: 1,
    createdAt: new Date(),
  };
}

const context = { signal: new AbortController().signal };

describe('classifySyncReply', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('delivers on any 2xx', () => {
    for (const status of [200, 201, 202, 204]) {
      expect(classifySyncReply(reply(status), now)).toEqual({ kind: 'delivered', status });
    }
  });

  it('retries 408, 429, 5xx, 401 and 403, keeping the reply', () => {
    for (const status of [401, 403, 408, 429, 500, 502, 503, 504]) {
      expect(classifySyncReply(reply(status, 'nope'), now)).toEqual({
        kind: 'retry',
        status,
        error: `HTTP ${status}: nope`,
      });
    }
  });

  it('passes Retry-After on to the schedule', () => {
    expect(classifySyncReply(reply(429, '', { 'retry-after': '90' }), now)).toMatchObject({
      kind: 'retry',
      retryAfterMs: 90_000,
    });
  });

  it('makes any other 4xx dead at once, with the reply kept', () => {
    for (const status of [400, 404, 409, 410, 422]) {
      expect(classifySyncReply(reply(status, '{"error":"invalid_body"}'), now)).toEqual({
        kind: 'dead',
        status,
        error: `HTTP ${status}: {"error":"invalid_body"}`,
      });
    }
  });
});

describe('marketplace sync sender against the emulator', () => {
  it('posts the body with the event id, Idempotency-Key and a valid signature, and links the product', async () => {
    harness = await startHarness({ emulator: { webhookSecret: SECRET } });
    const linked: [string, string][] = [];
    const sender = createMarketplaceSyncSender({
      client: harness.client,
      webhookSecret: SECRET,
      clock: new ManualClock(new Date()),
      recordProductId: async (templateId, productId) => {
        linked.push([templateId, productId]);
      },
    });
    const event = eventFor(TEMPLATE_ID);

    expect(await sender.send(event, context)).toEqual({ kind: 'delivered', status: 200 });
    const received = harness.state.syncEvents[0];
    expect(received).toMatchObject({ outcome: 'applied', eventId: event.id });
    expect(received?.headers['idempotency-key']).toBe(event.id);
    expect(received?.headers['webhook-id']).toBe(event.id);
    // The outbox id is the event id: a payload that says otherwise is overruled, so body and key agree.
    expect(received?.body).toMatchObject({ event_id: event.id, external_id: TEMPLATE_ID });
    const product = harness.state.store.productByExternalId(TEMPLATE_ID);
    expect(linked).toEqual([[TEMPLATE_ID, String(product?._id)]]);
  });

  it('sends unsigned when no secret is configured', async () => {
    harness = await startHarness();
    const sender = createMarketplaceSyncSender({
      client: harness.client,
      webhookSecret: undefined,
      clock: new ManualClock(new Date()),
    });
    expect(await sender.send(eventFor(TEMPLATE_ID), context)).toMatchObject({ kind: 'delivered' });
    expect(harness.state.syncEvents[0]?.headers['webhook-signature']).toBeUndefined();
  });

  it('retries when the signature is refused (401), e.g. while the secret is being rolled out', async () => {
    harness = await startHarness({ emulator: { webhookSecret: SECRET } });
    const sender = createMarketplaceSyncSender({
      client: harness.client,
      webhookSecret: testWebhookSecret(),
      clock: new ManualClock(new Date()),
    });
    expect(await sender.send(eventFor(TEMPLATE_ID), context)).toMatchObject({ kind: 'retry', status: 401 });
  });

  it('retries when the service does not answer in time', async () => {
    harness = await startHarness({ client: { timeouts: { webhookMs: 100 } } });
    harness.state.setLatency(1_000);
    const sender = createMarketplaceSyncSender({
      client: harness.client,
      webhookSecret: undefined,
      clock: new ManualClock(new Date()),
    });
    const outcome = await sender.send(eventFor(TEMPLATE_ID), context);
    expect(outcome).toMatchObject({ kind: 'retry' });
    expect(outcome.kind === 'retry' && outcome.error).toMatch(/^timeout:/);
  });

  it('retries when the connection is refused', async () => {
    harness = await startHarness();
    await harness.emulator.close();
    const sender = createMarketplaceSyncSender({
      client: harness.client,
      webhookSecret: undefined,
      clock: new ManualClock(new Date()),
    });
    const outcome = await sender.send(eventFor(TEMPLATE_ID), context);
    expect(outcome).toMatchObject({ kind: 'retry' });
    expect(outcome.kind === 'retry' && outcome.error).toMatch(/^network:/);
  });

  it('does not link a product when the template id is not a template uuid', async () => {
    harness = await startHarness();
    const linked: string[] = [];
    const sender = createMarketplaceSyncSender({
      client: harness.client,
      webhookSecret: undefined,
      clock: new ManualClock(new Date()),
      recordProductId: async (templateId) => {
        linked.push(templateId);
      },
    });
    expect(await sender.send(eventFor('not-a-uuid'), context)).toMatchObject({ kind: 'delivered' });
    expect(linked).toEqual([]);
  });
});
