import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUserServiceEmulator, type UserServiceEmulator } from '../../../dev/user-service/index.js';
import { ManualClock } from '../../../src/infra/clock.js';
import { createDatabase } from '../../../src/infra/db/connection.js';
import { OUTBOX_TOPICS } from '../../../src/infra/outbox/outbox-writer.js';
import { OutboxRelay } from '../../../src/infra/outbox/relay.js';
import { createMarketplaceSyncSender } from '../../../src/integrations/user-service/marketplace-sync-sender.js';
import { buildTestApp, type TestApp, type TestAppOptions } from '../../helpers/app.js';
import { bearer } from '../../helpers/auth.js';
import { approvedEvent } from '../../integrations/user-service/harness.js';
import { outboxRow, outboxRows, waitFor, writeEvents } from './harness.js';

// Fault tests of the marketplace webhook: the real app, its relay and client, and the User Service
// emulator as a real HTTP peer on loopback that goes down (closed port) and comes back on the same port.

const SYNC = '/marketplace/sync';
const apps: TestApp[] = [];
let clock: ManualClock;
let peer: UserServiceEmulator;

beforeEach(async () => {
  clock = new ManualClock(new Date());
  peer = await startUserServiceEmulator();
});
afterEach(async () => {
  for (const t of apps.splice(0)) await t.close();
  await peer.close();
});

async function app(options: TestAppOptions = {}): Promise<TestApp> {
  const t = await buildTestApp({
    clock,
    userService: peer,
    // The client's circuit breaker runs on the same clock, so moving time also cools it down.
    userServiceClient: { now: () => clock.now().getTime(), retryDelaysMs: [] },
    ...options,
  });
  apps.push(t);
  return t;
}

async function down(): Promise<void> {
  await peer.close();
}

async function up(): Promise<void> {
  peer = await startUserServiceEmulator({ port: peer.port, state: peer.state });
}

async function template(t: TestApp): Promise<string> {
  const id = randomUUID();
  await t.database.db
    .insertInto('stack_template')
    .values({ id, creator_user_id: '2', name: `Template ${id}`, slug: `tpl-${id}`, status: 'approved' })
    .execute();
  return id;
}

function sync(templateId: string, sequence: number, action = 'template_approved', extra = {}) {
  const { event_id: _unused, ...body } = approvedEvent(templateId, { sequence, ...extra });
  const payload =
    action === 'template_rejected'
      ? {
          action,
          stack_template_id: templateId,
          external_id: templateId,
          sequence,
          occurred_at: body.occurred_at,
        }
      : { ...body, action };
  return { topic: OUTBOX_TOPICS.marketplaceSync, orderingKey: templateId, sequence, payload };
}

/** Runs passes, moving the clock past each retry, until nothing is pending (or gives up). */
async function deliverAll(t: TestApp, maxRounds = 20): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    while ((await t.app.outbox.runOnce()).claimed > 0);
    const pending = (await outboxRows(t.database.db)).filter((r) => r.status === 'pending');
    if (pending.length === 0) return;
    clock.advance(12_001);
  }
  throw new Error('events still pending');
}

const productsOf = (externalId: string) =>
  peer.state.store.products.filter((p) => p.external_id === externalId);
const applied = () => peer.state.syncEvents.filter((e) => e.outcome === 'applied');

describe('marketplace webhook through the outbox', () => {
  it('delivers signed, with Idempotency-Key, and records the product id on the template', async () => {
    await peer.close();
    peer = await startUserServiceEmulator({ webhookSecret: 'fault-test-secret' });
    const t = await app({ env: { STACKER_WEBHOOK_SECRET: 'fault-test-secret' } });
    const id = await template(t);
    const [eventId] = await writeEvents(t.database.db, t.app.secretBox, [sync(id, 1)]);

    expect(await t.app.outbox.runOnce()).toMatchObject({ delivered: 1 });
    const received = peer.state.syncEvents[0];
    expect(received).toMatchObject({ outcome: 'applied', eventId, externalId: id });
    expect(received?.headers['idempotency-key']).toBe(eventId);
    const stored = await t.database.db
      .selectFrom('stack_template')
      .select('user_service_product_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.user_service_product_id).toBe(String(productsOf(id)[0]?._id));
  });

  it('loses nothing while the User Service is down: three approvals, three products, each once', async () => {
    const t = await app();
    const ids = [await template(t), await template(t), await template(t)];
    await down();
    await writeEvents(
      t.database.db,
      t.app.secretBox,
      ids.map((id) => sync(id, 1)),
    );
    expect(await t.app.outbox.runOnce()).toMatchObject({ claimed: 3, retried: 3 });
    for (const row of await outboxRows(t.database.db)) {
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status: null });
      expect(row.last_error).toMatch(/^network:/);
    }

    await up();
    clock.advance(12_001);
    await deliverAll(t);
    for (const id of ids) expect(productsOf(id)).toHaveLength(1);
    expect(applied()).toHaveLength(3);
    expect(peer.state.syncEvents.filter((e) => e.outcome === 'replayed')).toEqual([]);
    const linked = await t.database.db
      .selectFrom('stack_template')
      .select('user_service_product_id')
      .execute();
    expect(linked.every((row) => row.user_service_product_id !== null)).toBe(true);
  });

  it('answers 500 twice, then 200: delivered on the third attempt, each attempt recorded', async () => {
    const t = await app();
    const id = await template(t);
    peer.state.failNext(2, 500, { path: SYNC });
    const [eventId] = await writeEvents(t.database.db, t.app.secretBox, [sync(id, 1)]);

    const first = clock.now().getTime();
    expect(await t.app.outbox.runOnce()).toMatchObject({ retried: 1 });
    let row = await outboxRow(t.database.db, eventId!);
    expect(row).toMatchObject({ attempts: 1, last_status: 500 });
    expect(row.next_attempt_at.getTime() - first).toBeGreaterThanOrEqual(8_000);
    expect(row.next_attempt_at.getTime() - first).toBeLessThanOrEqual(12_000);
    expect(await t.app.outbox.runOnce()).toMatchObject({ claimed: 0 });

    clock.advance(12_001);
    expect(await t.app.outbox.runOnce()).toMatchObject({ retried: 1 });
    row = await outboxRow(t.database.db, eventId!);
    expect(row).toMatchObject({ attempts: 2, last_status: 500 });

    clock.advance(36_001);
    expect(await t.app.outbox.runOnce()).toMatchObject({ delivered: 1 });
    expect(await outboxRow(t.database.db, eventId!)).toMatchObject({
      status: 'delivered',
      attempts: 3,
      last_status: 200,
    });
    expect(peer.state.calls(SYNC)).toBe(3);
    expect(productsOf(id)).toHaveLength(1);
  });

  it('makes a 400 dead at once with the reply kept; it holds its key until an admin retry delivers it', async () => {
    const t = await app();
    const id = await template(t);
    peer.state.failNext(1, 400, { path: SYNC });
    const [approve, update] = await writeEvents(t.database.db, t.app.secretBox, [
      sync(id, 1),
      sync(id, 2, 'template_updated', { price: 30 }),
    ]);

    expect(await t.app.outbox.runOnce()).toMatchObject({ dead: 1 });
    const dead = await outboxRow(t.database.db, approve!);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, last_status: 400 });
    expect(dead.last_error).toContain('injected_failure');
    clock.advance(86_400_000);
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
    await deliverAll(t);
    expect(peer.state.syncEvents.filter((e) => e.outcome === 'applied').map((e) => e.eventId)).toEqual([
      approve,
      update,
    ]);
    expect(productsOf(id)).toMatchObject([{ price: 30, is_active: true }]);
  });

  it('keeps approve-then-reject in order while the User Service is down: the product ends inactive', async () => {
    const t = await app();
    const id = await template(t);
    await down();
    const [approve, reject] = await writeEvents(t.database.db, t.app.secretBox, [
      sync(id, 1),
      sync(id, 2, 'template_rejected'),
    ]);
    // Only the head of the key is tried; the rejection waits behind it.
    expect(await t.app.outbox.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await outboxRow(t.database.db, reject!)).toMatchObject({ attempts: 0 });

    await up();
    clock.advance(12_001);
    await deliverAll(t);
    expect(applied().map((e) => [e.eventId, e.action])).toEqual([
      [approve, 'template_approved'],
      [reject, 'template_rejected'],
    ]);
    expect(productsOf(id)).toMatchObject([{ is_active: false }]);
  });

  it('shares one outbox between two instances: every event delivered once, in order per template', async () => {
    const a = await app();
    const b = await app({ database: a.database });
    const ids = [await template(a), await template(a), await template(a), await template(a)];
    const events = ids.flatMap((id) => [
      sync(id, 1),
      sync(id, 2, 'template_updated', { price: 20 }),
      sync(id, 3, 'template_updated', { price: 30 }),
    ]);
    await writeEvents(a.database.db, a.app.secretBox, events);
    peer.state.setLatency(20);

    const relay = async (t: TestApp) => {
      const start = Date.now();
      while ((await outboxRows(t.database.db)).some((r) => r.status !== 'delivered')) {
        await t.app.outbox.runOnce();
        if (Date.now() - start > 20_000) throw new Error('not drained');
      }
    };
    await Promise.all([relay(a), relay(b)]);

    expect(peer.state.syncEvents).toHaveLength(events.length);
    expect(applied()).toHaveLength(events.length);
    expect(new Set(applied().map((e) => e.eventId)).size).toBe(events.length);
    for (const id of ids) {
      expect(
        applied()
          .filter((e) => e.externalId === id)
          .map((e) => e.sequence),
      ).toEqual([1, 2, 3]);
      expect(productsOf(id)).toMatchObject([{ price: 30, is_active: true }]);
    }
    expect((await outboxRows(a.database.db)).every((r) => r.attempts === 1)).toBe(true);
  });

  it('delivers the event of an instance killed mid-delivery once its lease lapses (receiver dedupes)', async () => {
    const t = await app();
    const id = await template(t);
    const [eventId] = await writeEvents(t.database.db, t.app.secretBox, [sync(id, 1)]);

    // The doomed instance: its own pool, relay and client call, like another process.
    const doomedDb = createDatabase({ url: t.database.url, poolMax: 2, statementTimeoutMs: 5_000 });
    const doomed = new OutboxRelay({
      db: doomedDb.db,
      secretBox: t.app.secretBox,
      clock,
      instanceId: 'doomed',
    });
    doomed.registerSender(
      OUTBOX_TOPICS.marketplaceSync,
      createMarketplaceSyncSender({ client: t.userServiceClient, webhookSecret: undefined, clock }),
    );
    peer.state.setLatency(300);
    const pass = doomed.runOnce();
    await waitFor(() => peer.state.calls(SYNC) === 1);
    await doomedDb.close(); // the process dies: it can never record the outcome
    expect(await pass).toMatchObject({ claimed: 1, lost: 1 });
    peer.state.setLatency(0);

    const leased = await outboxRow(t.database.db, eventId!);
    expect(leased).toMatchObject({ status: 'pending', locked_by: 'doomed', attempts: 1 });
    expect(await t.app.outbox.runOnce()).toMatchObject({ claimed: 0 });

    clock.advance(60_001);
    expect(await t.app.outbox.runOnce()).toMatchObject({ delivered: 1 });
    expect(await outboxRow(t.database.db, eventId!)).toMatchObject({
      status: 'delivered',
      attempts: 2,
      locked_by: null,
    });
    expect(peer.state.syncEvents.map((e) => e.outcome)).toEqual(['applied', 'replayed']);
    expect(productsOf(id)).toHaveLength(1);
  });
});
