import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { OUTBOX_TOPICS } from '../../../src/infra/outbox/outbox-writer.js';
import { OutboxRelay, type OutboxRelayOptions } from '../../../src/infra/outbox/relay.js';
import { testSecretBox } from '../../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { marketplaceEvent, outboxRow, outboxRows, RecordingSender, writeEvents } from './harness.js';

const TOPIC = OUTBOX_TOPICS.marketplaceSync;
const secretBox = testSecretBox();
let database: TestDatabase;
let clock: ManualClock;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});
beforeEach(async () => {
  await database.db.deleteFrom('outbox').execute();
  clock = new ManualClock(new Date());
});

function relay(sender?: RecordingSender, options: Partial<OutboxRelayOptions> = {}) {
  const r = new OutboxRelay({ db: database.db, secretBox, clock, random: () => 0.5, ...options });
  if (sender) r.registerSender(TOPIC, sender);
  return r;
}

describe('outbox relay: one pass', () => {
  it('delivers a written event once and records it as delivered, lease released', async () => {
    const sender = new RecordingSender();
    const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-a', 1)]);
    const r = relay(sender);

    expect(await r.runOnce()).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0, lost: 0 });
    expect(await r.runOnce()).toMatchObject({ claimed: 0 });
    expect(sender.ids).toEqual([id]);
    expect(sender.calls[0]).toMatchObject({ attempt: 1, orderingKey: 'tpl-a', sequence: 1 });
    const row = await outboxRow(database.db, id!);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, last_status: 200, locked_by: null });
    expect(row.locked_until).toBeNull();
    expect(row.delivered_at?.getTime()).toBe(clock.now().getTime());
  });

  it('leaves events of a topic without a sender waiting, spending no attempts, until one is plugged in', async () => {
    const [id] = await writeEvents(database.db, secretBox, [
      { topic: OUTBOX_TOPICS.installStart, orderingKey: 'dep-1', payload: { deployment_hash: 'dep-1' } },
    ]);
    const r = relay(new RecordingSender());
    expect(await r.runOnce()).toMatchObject({ claimed: 0 });
    expect(await outboxRow(database.db, id!)).toMatchObject({ status: 'pending', attempts: 0 });

    const amqp = new RecordingSender();
    r.registerSender(OUTBOX_TOPICS.installStart, amqp);
    expect(await r.runOnce()).toMatchObject({ delivered: 1 });
    expect(amqp.ids).toEqual([id]);
  });

  it('opens the sealed part only for the sender; the stored row keeps it sealed', async () => {
    const sender = new RecordingSender();
    const [id] = await writeEvents(database.db, secretBox, [
      {
        topic: TOPIC,
        orderingKey: 'tpl-s',
        payload: { visible: true },
        secretPayload: { ssh_key: 'very-secret' },
      },
    ]);
    await relay(sender).runOnce();
    expect(sender.calls[0]?.secretPayload).toEqual({ ssh_key: 'very-secret' });
    expect(sender.calls[0]?.payload).toEqual({ visible: true });
    const row = await outboxRow(database.db, id!);
    expect(row.secret_payload?.toString('latin1')).not.toContain('very-secret');
  });

  it('makes an event dead when its sealed part cannot be opened with the configured keys', async () => {
    const sender = new RecordingSender();
    const [id] = await writeEvents(database.db, testSecretBox(), [
      { topic: TOPIC, orderingKey: 'tpl-k', payload: {}, secretPayload: { token: 'x' } },
    ]);
    expect(await relay(sender).runOnce()).toMatchObject({ dead: 1 });
    expect(sender.calls).toEqual([]);
    expect((await outboxRow(database.db, id!)).last_error).toContain('cannot be decrypted');
  });

  it('keeps the order of a key: a later event waits for the earlier one, other keys go in parallel', async () => {
    const sender = new RecordingSender(undefined, 30);
    const ids = await writeEvents(database.db, secretBox, [
      marketplaceEvent('tpl-1', 1),
      marketplaceEvent('tpl-1', 2),
      marketplaceEvent('tpl-2', 1),
      marketplaceEvent('tpl-3', 1),
    ]);
    const r = relay(sender);
    expect(await r.runOnce()).toMatchObject({ claimed: 3, delivered: 3 });
    expect(sender.ids).not.toContain(ids[1]);
    expect(sender.maxInFlight).toBe(3);
    expect(await r.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(sender.ids.at(-1)).toBe(ids[1]);
  });

  it('orders by sequence when events of a key were written out of order', async () => {
    const sender = new RecordingSender();
    const [later, earlier] = await writeEvents(database.db, secretBox, [
      marketplaceEvent('tpl-o', 2),
      marketplaceEvent('tpl-o', 1),
    ]);
    const r = relay(sender);
    await r.runOnce();
    await r.runOnce();
    expect(sender.ids).toEqual([earlier, later]);
  });

  it('claims no more than its concurrency in one pass', async () => {
    const sender = new RecordingSender();
    await writeEvents(
      database.db,
      secretBox,
      ['a', 'b', 'c', 'd', 'e'].map((k) => marketplaceEvent(k, 1)),
    );
    const r = relay(sender, { concurrency: 2 });
    expect(await r.runOnce()).toMatchObject({ claimed: 2 });
    expect(await r.runOnce()).toMatchObject({ claimed: 2 });
    expect(await r.runOnce()).toMatchObject({ claimed: 1 });
  });
});

describe('outbox relay: failures', () => {
  it('schedules a retry at the next step, records the reply, and holds the key meanwhile', async () => {
    const sender = new RecordingSender((_e, call) =>
      call === 0
        ? { kind: 'retry', status: 503, error: 'HTTP 503: busy' }
        : { kind: 'delivered', status: 200 },
    );
    const [first, second] = await writeEvents(database.db, secretBox, [
      marketplaceEvent('tpl-r', 1),
      marketplaceEvent('tpl-r', 2),
    ]);
    const r = relay(sender);
    const started = clock.now().getTime();
    expect(await r.runOnce()).toMatchObject({ retried: 1 });
    const row = await outboxRow(database.db, first!);
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_status: 503,
      last_error: 'HTTP 503: busy',
    });
    expect(row.next_attempt_at.getTime() - started).toBe(10_000);

    clock.advance(9_999);
    expect(await r.runOnce()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await r.runOnce()).toMatchObject({ delivered: 1 });
    expect(await outboxRow(database.db, first!)).toMatchObject({ status: 'delivered', attempts: 2 });
    await r.runOnce();
    expect(sender.ids).toEqual([first, first, second]);
  });

  it('honours Retry-After, capped at an hour', async () => {
    const sender = new RecordingSender(() => ({
      kind: 'retry',
      status: 429,
      error: 'slow down',
      retryAfterMs: 7_200_000,
    }));
    const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-ra', 1)]);
    await relay(sender).runOnce();
    const row = await outboxRow(database.db, id!);
    expect(row.next_attempt_at.getTime() - clock.now().getTime()).toBe(3_600_000);
  });

  it('reads a thrown sender error as a retry', async () => {
    const sender = new RecordingSender(() => {
      throw new TypeError('socket hang up');
    });
    const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-t', 1)]);
    expect(await relay(sender).runOnce()).toMatchObject({ retried: 1 });
    expect((await outboxRow(database.db, id!)).last_error).toBe('TypeError: socket hang up');
  });

  it('retries a sender that never answers once the relay stops waiting', async () => {
    const sender = new RecordingSender(() => new Promise(() => {}));
    const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-h', 1)]);
    expect(await relay(sender, { sendTimeoutMs: 100 }).runOnce()).toMatchObject({ retried: 1 });
    expect((await outboxRow(database.db, id!)).last_error).toContain('no outcome within 100 ms');
  });

  it('goes dead after the last step of the schedule (twelve attempts, about three days)', async () => {
    const sender = new RecordingSender(() => ({ kind: 'retry', status: 500, error: 'HTTP 500' }));
    const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-x', 1)]);
    const r = relay(sender);
    const started = clock.now().getTime();
    for (let pass = 0; pass < 12; pass++) {
      expect(await r.runOnce()).toMatchObject({ claimed: 1 });
      clock.advance(86_400_000);
    }
    const row = await outboxRow(database.db, id!);
    expect(row).toMatchObject({ status: 'dead', attempts: 12 });
    expect(row.last_error).toContain('retries used up');
    expect(await r.runOnce()).toMatchObject({ claimed: 0 });
    expect(clock.now().getTime() - started).toBeGreaterThan(3 * 86_400_000);
  });

  it('lets a dead event hold back the later events of its key only', async () => {
    const sender = new RecordingSender((e) =>
      e.orderingKey === 'tpl-d' && e.sequence === 1
        ? { kind: 'dead', status: 400, error: 'HTTP 400: bad body' }
        : { kind: 'delivered', status: 200 },
    );
    const ids = await writeEvents(database.db, secretBox, [
      marketplaceEvent('tpl-d', 1),
      marketplaceEvent('tpl-d', 2),
      marketplaceEvent('tpl-other', 1),
    ]);
    const r = relay(sender);
    expect(await r.runOnce()).toMatchObject({ dead: 1, delivered: 1 });
    clock.advance(7 * 86_400_000);
    expect(await r.runOnce()).toMatchObject({ claimed: 0 });
    expect(await outboxRow(database.db, ids[1]!)).toMatchObject({ status: 'pending', attempts: 0 });

    await database.db.updateTable('outbox').set({ status: 'discarded' }).where('id', '=', ids[0]!).execute();
    expect(await r.runOnce()).toMatchObject({ delivered: 1 });
    expect((await outboxRows(database.db)).map((row) => row.status)).toEqual([
      'discarded',
      'delivered',
      'delivered',
    ]);
  });
});
