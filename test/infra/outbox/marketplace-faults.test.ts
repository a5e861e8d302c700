import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer } from '../../helpers/auth.js';
import { outboxRow, outboxRows, writeEvents } from './harness.js';
import { MarketplaceHarness, SYNC, syncEvent } from './marketplace-harness.js';

// Fault tests of the marketplace webhook: the real app, its relay and client, and the User Service
// emulator on loopback failing the ways the issue lists (down, 500s, a 400).

let h: MarketplaceHarness;

beforeEach(async () => {
  h = await MarketplaceHarness.start();
});
afterEach(async () => {
  await h.close();
});

describe('marketplace webhook through the outbox: a failing User Service', () => {
  it('loses nothing while the User Service is down: three approvals, three products, each once', async () => {
    const t = await h.app();
    const ids = [await h.template(t), await h.template(t), await h.template(t)];
    await h.down();
    await writeEvents(
      t.database.db,
      t.app.secretBox,
      ids.map((id) => syncEvent(id, 1)),
    );
    expect(await t.app.outbox.runOnce()).toMatchObject({ claimed: 3, retried: 3 });
    for (const row of await outboxRows(t.database.db)) {
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status: null });
      expect(row.last_error).toMatch(/^network:/);
    }

    await h.up();
    h.clock.advance(12_001);
    await h.deliverAll(t);
    for (const id of ids) expect(h.productsOf(id)).toHaveLength(1);
    expect(h.applied()).toHaveLength(3);
    expect(h.peer.state.syncEvents.filter((e) => e.outcome === 'replayed')).toEqual([]);
    const linked = await t.database.db
      .selectFrom('stack_template')
      .select('user_service_product_id')
      .execute();
    expect(linked.every((row) => row.user_service_product_id !== null)).toBe(true);
  });

  it('answers 500 twice, then 200: delivered on the third attempt, each attempt recorded', async () => {
    const t = await h.app();
    const id = await h.template(t);
    h.peer.state.failNext(2, 500, { path: SYNC });
    const [eventId] = await writeEvents(t.database.db, t.app.secretBox, [syncEvent(id, 1)]);

    const first = h.clock.now().getTime();
    expect(await t.app.outbox.runOnce()).toMatchObject({ retried: 1 });
    let row = await outboxRow(t.database.db, eventId!);
    expect(row).toMatchObject({ attempts: 1, last_status: 500 });
    expect(row.next_attempt_at.getTime() - first).toBeGreaterThanOrEqual(8_000);
    expect(row.next_attempt_at.getTime() - first).toBeLessThanOrEqual(12_000);
    expect(await t.app.outbox.runOnce()).toMatchObject({ claimed: 0 });

    h.clock.advance(12_001);
    expect(await t.app.outbox.runOnce()).toMatchObject({ retried: 1 });
    row = await outboxRow(t.database.db, eventId!);
    expect(row).toMatchObject({ attempts: 2, last_status: 500 });

    h.clock.advance(36_001);
    expect(await t.app.outbox.runOnce()).toMatchObject({ delivered: 1 });
    expect(await outboxRow(t.database.db, eventId!)).toMatchObject({
      status: 'delivered',
      attempts: 3,
      last_status: 200,
    });
    expect(h.peer.state.calls(SYNC)).toBe(3);
    expect(h.productsOf(id)).toHaveLength(1);
  });

  it('makes a 400 dead at once with the reply kept; it holds its key until an admin retry delivers it', async () => {
    const t = await h.app();
    const id = await h.template(t);
    h.peer.state.failNext(1, 400, { path: SYNC });
    const [approve, update] = await writeEvents(t.database.db, t.app.secretBox, [
      syncEvent(id, 1),
      syncEvent(id, 2, 'template_updated', { price: 30 }),
    ]);

    expect(await t.app.outbox.runOnce()).toMatchObject({ dead: 1 });
    const dead = await outboxRow(t.database.db, approve!);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, last_status: 400 });
    expect(dead.last_error).toContain('injected_failure');
    h.clock.advance(86_400_000);
    expect(await t.app.outbox.runOnce()).toMatchObject({ claimed: 0 });
    expect(await outboxRow(t.database.db, update!)).toMatchObject({ status: 'pending', attempts: 0 });

    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/admin/outbox?status=dead',
      headers: bearer('admin'),
    });
    expect(listed.json().list.map((e: { id: string }) => e.id)).toEqual([approve]);
    const retried = await t.app.inject({
      method: 'POST',
      url: `/api/admin/outbox/${approve}/retry`,
      headers: bearer('admin'),
    });
    expect(retried.statusCode).toBe(200);
    await h.deliverAll(t);
    expect(h.peer.state.syncEvents.filter((e) => e.outcome === 'applied').map((e) => e.eventId)).toEqual([
      approve,
      update,
    ]);
    expect(h.productsOf(id)).toMatchObject([{ price: 30, is_active: true }]);
  });

  it('keeps approve-then-reject in order while the User Service is down: the product ends inactive', async () => {
    const t = await h.app();
    const id = await h.template(t);
    await h.down();
    const [approve, reject] = await writeEvents(t.database.db, t.app.secretBox, [
      syncEvent(id, 1),
      syncEvent(id, 2, 'template_rejected'),
    ]);
    // Only the head of the key is tried; the rejection waits behind it.
    expect(await t.app.outbox.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await outboxRow(t.database.db, reject!)).toMatchObject({ attempts: 0 });

    await h.up();
    h.clock.advance(12_001);
    await h.deliverAll(t);
    expect(h.applied().map((e) => [e.eventId, e.action])).toEqual([
      [approve, 'template_approved'],
      [reject, 'template_rejected'],
    ]);
    expect(h.productsOf(id)).toMatchObject([{ is_active: false }]);
  });
});
