import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { OUTBOX_TOPICS } from '../../../src/infra/outbox/outbox-writer.js';
import { OutboxRelay } from '../../../src/infra/outbox/relay.js';
import { claimHeads, settle } from '../../../src/infra/outbox/relay-repository.js';
import { testSecretBox } from '../../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { marketplaceEvent, outboxRow, outboxRows, RecordingSender, writeEvents } from './harness.js';

const TOPIC = OUTBOX_TOPICS.marketplaceSync;
const secretBox = testSecretBox();
let database: TestDatabase;
let clock: ManualClock;

beforeAll(async () => {
  database = await createTestDatabase(20);
});
afterAll(async () => {
  await database.drop();
});
beforeEach(async () => {
  await database.db.deleteFrom('outbox').execute();
  clock = new ManualClock(new Date());
});

const relay = (sender: RecordingSender, instanceId: string) => {
  const r = new OutboxRelay({ db: database.db, secretBox, clock, instanceId, leaseMs: 60_000 });
  r.registerSender(TOPIC, sender);
  return r;
};

describe('outbox leases', () => {
  it('commits the lease before the send: the row is visibly leased while the peer is being called', async () => {
    let seen: Awaited<ReturnType<typeof outboxRow>> | undefined;
    let openTransactions: number | undefined;
    const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-l', 1)]);
    // Mid-call, from other connections: the lease is committed and visible, and no session of this
    // database sits in an open transaction (which a lock held over the call would need).
    const sender = new RecordingSender(async () => {
      seen = await outboxRow(database.db, id!);
      const open = await database.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      openTransactions = open.rows[0]?.n;
      return { kind: 'delivered', status: 200 };
    });
    await relay(sender, 'relay-a').runOnce();
    expect(seen).toMatchObject({ status: 'pending', locked_by: 'relay-a', attempts: 1 });
    expect(seen?.locked_until?.getTime()).toBe(clock.now().getTime() + 60_000);
    expect(openTransactions).toBe(0);
  });

  it('hands the event of a relay that died mid-delivery to another once the lease lapses', async () => {
    const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-crash', 1)]);
    // What a killed process leaves behind: a claimed, leased row whose outcome never gets written.
    const [claimed] = await claimHeads(database.db, {
      topics: [TOPIC],
      now: clock.now(),
      limit: 10,
      lockedBy: 'killed-relay',
      leaseMs: 60_000,
    });
    expect(claimed?.id).toBe(id);

    const sender = new RecordingSender();
    const survivor = relay(sender, 'relay-b');
    expect(await survivor.runOnce()).toMatchObject({ claimed: 0 });
    clock.advance(60_001);
    expect(await survivor.runOnce()).toMatchObject({ delivered: 1 });
    expect(await outboxRow(database.db, id!)).toMatchObject({ status: 'delivered', attempts: 2 });

    // The killed relay's late answer (if it ever came) is fenced off: the row is no longer its lease.
    const late = await settle(
      database.db,
      { id: id!, lockedBy: 'killed-relay', attempts: 1 },
      { status: 'dead', lastStatus: 400, lastError: 'late' },
    );
    expect(late).toBe(false);
    expect(await outboxRow(database.db, id!)).toMatchObject({ status: 'delivered', last_error: null });
  });

  it('lets two relays share one outbox: every event once, a key never in parallel, order kept', async () => {
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
    const events = keys.flatMap((key) => [1, 2, 3, 4].map((seq) => marketplaceEvent(key, seq)));
    await writeEvents(database.db, secretBox, events);
    // One peer seen by both relays, so overlapping calls for a key would be caught.
    const sender = new RecordingSender(undefined, 10);
    const relays = [relay(sender, 'relay-1'), relay(sender, 'relay-2')];
    const drain = async (r: OutboxRelay) => {
      for (let idle = 0; idle < 3; ) {
        const pass = await r.runOnce();
        idle = pass.claimed === 0 ? idle + 1 : 0;
        // Yield, so the other relay's pass interleaves with this one.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all(relays.map(drain));

    const rows = await outboxRows(database.db);
    expect(rows.every((row) => row.status === 'delivered' && row.attempts === 1)).toBe(true);
    expect(sender.calls).toHaveLength(events.length);
    expect(new Set(sender.ids).size).toBe(events.length);
    expect(sender.maxInFlightPerKey).toBe(1);
    for (const key of keys) {
      const order = sender.calls.filter((c) => c.orderingKey === key).map((c) => c.sequence);
      expect(order).toEqual([1, 2, 3, 4]);
    }
  });

  it('never claims one row twice when relays race for the same heads', async () => {
    await writeEvents(
      database.db,
      secretBox,
      Array.from({ length: 30 }, (_, i) => marketplaceEvent(`race-${i}`, 1)),
    );
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        claimHeads(database.db, {
          topics: [TOPIC],
          now: clock.now(),
          limit: 10,
          lockedBy: `racer-${i}`,
          leaseMs: 60_000,
        }),
      ),
    );
    const ids = claims.flat().map((row) => row.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });
});
