import { Counter, Gauge, type Registry } from 'prom-client';
import type { Clock } from '../clock.js';
import type { TopicStats } from './outbox-stats.js';
import { OUTBOX_TOPICS } from './outbox-writer.js';

export type DeliveryMetricOutcome = 'delivered' | 'retry' | 'dead';

export interface OutboxMetrics {
  recordOutcome(topic: string, outcome: DeliveryMetricOutcome): void;
}

// One query serves the three gauges of a scrape; a second scrape within this window reuses it.
const SNAPSHOT_TTL_MS = 1_000;

/**
 * The outbox's metrics. The gauges are read from the table when scraped (every instance reports the
 * same shared numbers, so alert on `max`, not `sum`); the counter is this instance's deliveries.
 */
export function registerOutboxMetrics(
  registry: Registry,
  readStats: () => Promise<Map<string, TopicStats>>,
  clock: Clock,
  onError: (err: unknown) => void = () => {},
): OutboxMetrics {
  let snapshot: { at: number; stats: Promise<Map<string, TopicStats> | undefined> } | undefined;
  const current = () => {
    const at = performance.now();
    if (snapshot === undefined || at - snapshot.at > SNAPSHOT_TTL_MS) {
      // A failed read leaves the gauges empty for this scrape instead of failing the whole /metrics.
      const stats = readStats().catch((err: unknown) => {
        onError(err);
        return undefined;
      });
      snapshot = { at, stats };
    }
    return snapshot.stats;
  };
  const everyTopic = (stats: Map<string, TopicStats>) =>
    new Set([...Object.values(OUTBOX_TOPICS), ...stats.keys()]);

  new Gauge({
    name: 'stacker_outbox_pending',
    help: 'Outbox events waiting for delivery, by topic',
    labelNames: ['topic'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const stats = await current();
      if (stats === undefined) return;
      for (const topic of everyTopic(stats)) this.set({ topic }, stats.get(topic)?.pending ?? 0);
    },
  });
  new Gauge({
    name: 'stacker_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest outbox event still waiting for delivery, by topic (0 when none)',
    labelNames: ['topic'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const stats = await current();
      if (stats === undefined) return;
      const now = clock.now().getTime();
      for (const topic of everyTopic(stats)) {
        const oldest = stats.get(topic)?.oldestPendingAt;
        this.set({ topic }, oldest === undefined ? 0 : Math.max(0, (now - oldest.getTime()) / 1000));
      }
    },
  });
  new Gauge({
    name: 'stacker_outbox_dead',
    help: 'Outbox events given up on (they hold back their ordering key until retried or discarded)',
    labelNames: ['topic'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const stats = await current();
      if (stats === undefined) return;
      for (const topic of everyTopic(stats)) this.set({ topic }, stats.get(topic)?.dead ?? 0);
    },
  });
  const deliveries = new Counter({
    name: 'stacker_outbox_deliveries_total',
    help: 'Delivery attempts by this instance, by topic and outcome (delivered, retry, dead)',
    labelNames: ['topic', 'outcome'] as const,
    registers: [registry],
  });

  return { recordOutcome: (topic, outcome) => deliveries.inc({ topic, outcome }) };
}
