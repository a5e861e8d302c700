import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../src/infra/db/connection.js';
import { OUTBOX_TOPICS } from '../../../src/infra/outbox/outbox-writer.js';
import { OutboxRelay } from '../../../src/infra/outbox/relay.js';
import { createMarketplaceSyncSender } from '../../../src/integrations/user-service/marketplace-sync-sender.js';
import type { TestApp } from '../../helpers/app.js';
import { waitUntil } from '../../helpers/wait.js';
import { testWebhookSecret } from '../../helpers/webhooks.js';
import { outboxRow, outboxRows, writeEvents } from './harness.js';
import { MarketplaceHarness, SYNC, syncEvent } from './marketplace-harness.js';

// The marketplace webhook from the app's own wiring (signature, product link), and with several
// Stacker instances on one outbox: two relaying together, one killed mid-delivery.

let h: MarketplaceHarness;

beforeEach(async () => {
  h = await MarketplaceHarness.start();
});
afterEach(async () => {
  await h.close();
});

describe('marketplace webhook through the outbox: wiring and instances', () => {
  it('delivers signed, with Idempotency-Key, and records the product id on the template', async () => {
    await h.close();
    const secret = testWebhookSecret();
    h = await MarketplaceHarness.start({ webhookSecret: secret });
    const t = await h.app({ env: { STACKER_WEBHOOK_SECRET: secret } });
    const id = await h.template(t);
    const [eventId] = await writeEvents(t.database.db, t.app.secretBox, [syncEvent(id, 1)]);

    expect(await t.app.outbox.runOnce()).toMatchObject({ delivered: 1 });
    const received = h.peer.state.syncEvents[0];
    expect(received).toMatchObject({ outcome: 'applied', eventId, externalId: id });
    expect(received?.headers['idempotency-key']).toBe(eventId);
    const stored = await t.database.db
      .selectFrom('stack_template')
      .select('user_service_product_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.user_service_product_id).toBe(String(h.productsOf(id)[0]?._id));
  });

  it('shares one outbox between two instances: every event delivered once, in order per template', async () => {
    const a = await h.app();
    const b = await h.app({ database: a.database });
    const ids = [await h.template(a), await h.template(a), await h.template(a), await h.template(a)];
    const events = ids.flatMap((id) => [
      syncEvent(id, 1),
      syncEvent(id, 2, 'template_updated', { price: 20 }),
      syncEvent(id, 3, 'template_updated', { price: 30 }),
    ]);
    await writeEvents(a.database.db, a.app.secretBox, events);
    h.peer.state.setLatency(20);

    const relay = async (t: TestApp) => {
      const start = Date.now();
      while ((await outboxRows(t.database.db)).some((r) => r.status !== 'delivered')) {
        await t.app.outbox.runOnce();
        if (Date.now() - start > 20_000) throw new Error('not drained');
      }
    };
    await Promise.all([relay(a), relay(b)]);

    expect(h.peer.state.syncEvents).toHaveLength(events.length);
    expect(h.applied()).toHaveLength(events.length);
    expect(new Set(h.applied().map((e) => e.eventId)).size).toBe(events.length);
    for (const id of ids) {
      expect(
        h
          .applied()
          .filter((e) => e.externalId === id)
          .map((e) => e.sequence),
      ).toEqual([1, 2, 3]);
      expect(h.productsOf(id)).toMatchObject([{ price: 30, is_active: true }]);
    }
    expect((await outboxRows(a.database.db)).every((r) => r.attempts === 1)).toBe(true);
  });

  it('delivers the event of an instance killed mid-delivery once its lease lapses (receiver dedupes)', async () => {
    const t = await h.app();
    const id = await h.template(t);
    const [eventId] = await writeEvents(t.database.db, t.app.secretBox, [syncEvent(id, 1)]);

    // The doomed instance: its own pool, relay and client call, like another process.
    const doomedDb = createDatabase({ url: t.database.url, poolMax: 2, statementTimeoutMs: 5_000 });
    const doomed = new OutboxRelay({
      db: doomedDb.db,
      secretBox: t.app.secretBox,
      clock: h.clock,
      instanceId: 'doomed',
    });
    doomed.registerSender(
      OUTBOX_TOPICS.marketplaceSync,
      createMarketplaceSyncSender({ client: t.userServiceClient, webhookSecret: undefined, clock: h.clock }),
    );
    h.peer.state.setLatency(300);
    const pass = doomed.runOnce();
    await waitUntil(() => h.peer.state.calls(SYNC) === 1);
    await doomedDb.close(); // the process dies: it can never record the outcome
    expect(await pass).toMatchObject({ claimed: 1, lost: 1 });
    h.peer.state.setLatency(0);

    const leased = await outboxRow(t.database.db, eventId!);
    expect(leased).toMatchObject({ status: 'pending', locked_by: 'doomed', attempts: 1 });
    expect(await t.app.outbox.runOnce()).toMatchObject({ claimed: 0 });

    h.clock.advance(60_001);
    expect(await t.app.outbox.runOnce()).toMatchObject({ delivered: 1 });
    expect(await outboxRow(t.database.db, eventId!)).toMatchObject({
      status: 'delivered',
      attempts: 2,
      locked_by: null,
    });
    expect(h.peer.state.syncEvents.map((e) => e.outcome)).toEqual(['applied', 'replayed']);
    expect(h.productsOf(id)).toHaveLength(1);
  });
});
