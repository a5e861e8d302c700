import { sql } from 'kysely';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { readOutboxStats } from '../../../src/infra/outbox/outbox-stats.js';
import { OUTBOX_TOPICS } from '../../../src/infra/outbox/outbox-writer.js';
import { DELIVERED_RETENTION_MS, PURGE_LOCK_KEY, purgeDelivered } from '../../../src/infra/outbox/purge.js';
import { OutboxRelay } from '../../../src/infra/outbox/relay.js';
import { registerOutboxMetrics } from '../../../src/infra/outbox/relay-metrics.js';
import { testSecretBox } from '../../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { marketplaceEvent, outboxRows, RecordingSender, writeEvents } from './harness.js';

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

async function deliveredAt(key: string, at: Date): Promise<string> {
  const [id] = await writeEvents(database.db, secretBox, [marketplaceEvent(key, 1)]);
  await database.db
    .updateTable('outbox')
    .set({ status: 'delivered', delivered_at: at })
    .where('id', '=', id!)
    .execute();
  return id!;
}

describe('purge of delivered events', () => {
  it('deletes delivered rows older than seven days, in batches, and nothing else', async () => {
    const now = clock.now().getTime();
    const old = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => deliveredAt(`old-${i}`, new Date(now - DELIVERED_RETENTION_MS - i * 1000))),
    );
    const recent = await deliveredAt('recent', new Date(now - DELIVERED_RETENTION_MS + 60_000));
    const [pending] = await writeEvents(database.db, secretBox, [marketplaceEvent('pending', 1)]);

    expect(await purgeDelivered(database.db, { now: clock.now(), batchSize: 2 })).toBe(old.length);
    const left = (await outboxRows(database.db)).map((row) => row.id).sort();
    expect(left).toEqual([recent, pending].sort());
  });

  it('is done by one instance at a time: concurrent purges never delete a row twice or fail', async () => {
    const now = clock.now().getTime();
    for (let i = 0; i < 20; i++) await deliveredAt(`p-${i}`, new Date(now - DELIVERED_RETENTION_MS - 1000));
    const counts = await Promise.all(
      [1, 2, 3].map(() => purgeDelivered(database.db, { now: clock.now(), batchSize: 5 })),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
    expect(await outboxRows(database.db)).toEqual([]);
  });

  it('skips the purge while another instance holds the purge lock', async () => {
    await deliveredAt('locked', new Date(clock.now().getTime() - DELIVERED_RETENTION_MS - 1000));
    await database.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${PURGE_LOCK_KEY}::bigint)`.execute(trx);
      expect(await purgeDelivered(database.db, { now: clock.now() })).toBe(0);
    });
    expect(await purgeDelivered(database.db, { now: clock.now() })).toBe(1);
  });

  it('runs through the relay with the relay clock', async () => {
    const relay = new OutboxRelay({ db: database.db, secretBox, clock });
    await deliveredAt('r', clock.now());
    expect(await relay.purge()).toBe(0);
    clock.advance(DELIVERED_RETENTION_MS + 1);
    expect(await relay.purge()).toBe(1);
  });
});

describe('outbox metrics', () => {
  it('reports pending, dead and oldest pending age per topic from the table, and deliveries by outcome', async () => {
    const registry = new Registry();
    const metrics = registerOutboxMetrics(registry, () => readOutboxStats(database.db), clock);
    await writeEvents(database.db, secretBox, [marketplaceEvent('m1', 1), marketplaceEvent('m2', 1)]);
    await writeEvents(database.db, secretBox, [
      { topic: OUTBOX_TOPICS.installStart, orderingKey: 'dep', payload: {} },
    ]);
    const relay = new OutboxRelay({ db: database.db, secretBox, clock, metrics });
    relay.registerSender(
      OUTBOX_TOPICS.marketplaceSync,
      new RecordingSender((e) =>
        e.orderingKey === 'm1' ? { kind: 'dead', status: 400, error: 'no' } : { kind: 'delivered' },
      ),
    );
    await relay.runOnce();
    clock.advance(90_000);

    const read = async (name: string) => (await registry.getSingleMetric(name)?.get())?.values ?? [];
    const byTopic = (values: { labels: Record<string, unknown>; value: number }[]) =>
      Object.fromEntries(values.map((v) => [v.labels.topic, v.value]));
    expect(byTopic(await read('stacker_outbox_pending'))).toEqual({
      'user_service.marketplace_sync': 0,
      'install.start': 1,
      'install.delete': 0,
      'install.firewall': 0,
    });
    expect(byTopic(await read('stacker_outbox_dead'))).toMatchObject({ 'user_service.marketplace_sync': 1 });
    const ages = byTopic(await read('stacker_outbox_oldest_pending_age_seconds'));
    expect(ages['user_service.marketplace_sync']).toBe(0);
    expect(ages['install.start']).toBeGreaterThan(89);
    expect(ages['install.start']).toBeLessThan(150);
    const deliveries = (await read('stacker_outbox_deliveries_total')).map((v) => [
      v.labels.outcome,
      v.value,
    ]);
    expect(Object.fromEntries(deliveries)).toEqual({ dead: 1, delivered: 1 });
  });

  it('leaves the gauges empty, not the whole scrape failing, when the table cannot be read', async () => {
    const registry = new Registry();
    const errors: unknown[] = [];
    registerOutboxMetrics(
      registry,
      () => Promise.reject(new Error('database down')),
      clock,
      (err) => errors.push(err),
    );
    const text = await registry.metrics();
    expect(text).toContain('stacker_outbox_pending');
    expect(text).not.toMatch(/stacker_outbox_pending\{/);
    expect(errors).toHaveLength(1);
  });
});
