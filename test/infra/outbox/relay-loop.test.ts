import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/infra/clock.js';
import { ListenHub } from '../../../src/infra/db/listen-hub.js';
import { OUTBOX_TOPICS } from '../../../src/infra/outbox/outbox-writer.js';
import { OutboxRelay, type OutboxRelayOptions } from '../../../src/infra/outbox/relay.js';
import { claimHeads } from '../../../src/infra/outbox/relay-repository.js';
import { testSecretBox } from '../../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { sleep, waitUntil } from '../../helpers/wait.js';
import { marketplaceEvent, outboxRow, outboxRows, RecordingSender, writeEvents } from './harness.js';

const TOPIC = OUTBOX_TOPICS.marketplaceSync;
const secretBox = testSecretBox();
let database: TestDatabase;
let hub: ListenHub;
const running: OutboxRelay[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});
beforeEach(async () => {
  await database.db.deleteFrom('outbox').execute();
  // A slow reconnect, so a test can act while the hub is down.
  hub = new ListenHub({ connectionString: database.url, minBackoffMs: 1_500, maxBackoffMs: 1_500 });
  await hub.start();
});
afterEach(async () => {
  for (const relay of running.splice(0)) await relay.stop();
  await hub.close();
});

/** A running relay whose sweep is far away: anything delivered quickly was woken by something else. */
async function startRelay(sender: RecordingSender, options: Partial<OutboxRelayOptions> = {}) {
  const relay = new OutboxRelay({
    db: database.db,
    secretBox,
    clock: systemClock,
    sweepIntervalMs: 600_000,
    ...options,
  });
  relay.registerSender(TOPIC, sender);
  await relay.start(hub);
  running.push(relay);
  return relay;
}

const delivered = async (id: string) => (await outboxRow(database.db, id)).status === 'delivered';

describe('outbox relay loop', () => {
  it('is woken by the NOTIFY of a written event', async () => {
    const sender = new RecordingSender();
    await startRelay(sender);
    const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-n', 1)]);
    await waitUntil(() => delivered(id!), { timeout: 5_000 });
    expect(sender.ids).toEqual([id]);
  });

  it('re-checks after the LISTEN connection comes back, for events written while it was down', async () => {
    const sender = new RecordingSender();
    await startRelay(sender);
    await database.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = 'stacker-listen-hub' AND datname = current_database()`,
    );
    await waitUntil(() => !hub.connected);
    const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-rc', 1)]);
    await waitUntil(() => delivered(id!), { timeout: 10_000 });
    expect(hub.connected).toBe(true);
  });

  it('wakes itself when a lease lapses, without a NOTIFY or the sweep', async () => {
    const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-lapse', 1)]);
    await claimHeads(database.db, {
      topics: [TOPIC],
      now: new Date(),
      limit: 1,
      lockedBy: 'killed-relay',
      leaseMs: 400,
    });
    const sender = new RecordingSender();
    await startRelay(sender);
    expect(sender.calls).toEqual([]);
    await waitUntil(() => delivered(id!), { timeout: 5_000 });
    expect(await outboxRow(database.db, id!)).toMatchObject({ attempts: 2 });
  });

  it('delivers across keys in parallel, never more than its concurrency at once', async () => {
    // Each delivery is held until three overlap (or only the last, fewer, are left): the relay must reach
    // its concurrency and never pass it, whatever the machine's speed.
    const sender: RecordingSender = new RecordingSender(async () => {
      await waitUntil(() => sender.inFlight >= 3 || sender.calls.length >= 10, 'three deliveries in flight');
      return { kind: 'delivered', status: 200 };
    });
    await startRelay(sender, { concurrency: 3 });
    await writeEvents(
      database.db,
      secretBox,
      Array.from({ length: 10 }, (_, i) => marketplaceEvent(`par-${i}`, 1)),
    );
    await waitUntil(async () => (await outboxRows(database.db)).every((r) => r.status === 'delivered'));
    expect(sender.calls).toHaveLength(10);
    expect(sender.maxInFlight).toBe(3);
  });

  it('lets an in-flight delivery finish on stop, then claims nothing more', async () => {
    const sender = new RecordingSender(undefined, 150);
    const relay = await startRelay(sender);
    const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-stop', 1)]);
    await waitUntil(() => sender.calls.length === 1);
    await relay.stop();
    expect(await delivered(id!)).toBe(true);

    const [later] = await writeEvents(database.db, secretBox, [marketplaceEvent('tpl-after', 1)]);
    await sleep(150, 'a quiet period longer than the relay interval: a stopped relay claims nothing');
    expect(await outboxRow(database.db, later!)).toMatchObject({ status: 'pending', attempts: 0 });
  });
});
