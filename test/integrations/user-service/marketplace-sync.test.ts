import { afterEach, describe, expect, it } from 'vitest';
import {
  standardWebhookHeaders,
  webhookSigningKey,
} from '../../../src/integrations/user-service/webhook-signature.js';
import { testWebhookSecret } from '../../helpers/webhooks.js';
import { approvedEvent, startHarness } from './harness.js';

const SECRET = testWebhookSecret();
let harness: Awaited<ReturnType<typeof startHarness>> | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('postMarketplaceSync', () => {
  it('delivers a signed event with its headers and returns the raw 2xx reply', async () => {
    harness = await startHarness({ emulator: { webhookSecret: SECRET } });
    const event = approvedEvent('tpl-sync');
    const body = JSON.stringify(event);
    const signature = standardWebhookHeaders(
      webhookSigningKey(SECRET),
      event.event_id,
      Math.floor(Date.now() / 1000),
      body,
    );

    const reply = await harness.client.postMarketplaceSync(body, {
      'Idempotency-Key': event.event_id,
      ...signature,
    });

    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('application/json');
    const parsed = JSON.parse(reply.bodyText) as { success: boolean; product_id: number };
    expect(parsed.success).toBe(true);
    expect(harness.state.store.productByExternalId('tpl-sync')?._id).toBe(parsed.product_id);
    const received = harness.state.syncEvents[0];
    expect(received?.headers['idempotency-key']).toBe(event.event_id);
    expect(received?.headers['webhook-id']).toBe(event.event_id);
    expect(received?.headers.authorization).toBeUndefined();
  });

  it('returns 4xx replies instead of throwing, so the relay can classify them', async () => {
    harness = await startHarness({ emulator: { webhookSecret: SECRET } });
    const unsigned = await harness.client.postMarketplaceSync(JSON.stringify(approvedEvent('tpl-x')));
    expect(unsigned.status).toBe(401);
    expect(JSON.parse(unsigned.bodyText)).toMatchObject({ success: false });
  });

  it('returns 5xx replies with their headers instead of throwing', async () => {
    harness = await startHarness();
    harness.state.failNext(1, 503, { path: '/marketplace/sync' });
    const reply = await harness.client.postMarketplaceSync(JSON.stringify(approvedEvent('tpl-y')));
    expect(reply.status).toBe(503);
    expect(reply.bodyText).toContain('injected_failure');
  });

  it('keeps its own credential and content type whatever headers the caller passes', async () => {
    harness = await startHarness();
    const reply = await harness.client.postMarketplaceSync(JSON.stringify(approvedEvent('tpl-z')), {
      Authorization: 'Bearer forged',
      'Content-Type': 'text/plain',
    });
    expect(reply.status).toBe(200);
    expect(harness.state.syncEvents[0]?.headers['content-type']).toBe('application/json');
  });

  it('throws unavailable when there is no reply at all', async () => {
    harness = await startHarness();
    await harness.emulator.close();
    await expect(harness.client.postMarketplaceSync('{}')).rejects.toMatchObject({
      name: 'UserServiceUnavailableError',
      reason: 'network',
    });
  });
});
