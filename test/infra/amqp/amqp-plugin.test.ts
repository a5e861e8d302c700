import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/infra/amqp/consumer.js';
import { AmqpPublishError } from '../../../src/infra/amqp/publish-error.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import {
  BROKER_URL,
  closedPortUrl,
  deleteTopology,
  probeBroker,
  sideConnection,
  uniqueNames,
} from '../../helpers/broker.js';
import { TEST_AMQP_NAMES } from '../../helpers/config.js';
import { waitUntil } from '../../helpers/wait.js';

const broker = await probeBroker('amqp plugin');
const names = uniqueNames('plugin');
const apps: TestApp[] = [];

async function app(env: Record<string, string | undefined>): Promise<TestApp> {
  const built = await buildTestApp({ env });
  apps.push(built);
  return built;
}

const health = async (t: TestApp) => (await t.app.inject({ method: 'GET', url: '/health_check' })).json();

afterAll(async () => {
  await Promise.all(apps.map((t) => t.close()));
  if (!broker.skip) await deleteTopology({ exchanges: [names.exchange], queues: [names.queue] });
});

describe('amqp plugin without AMQP_URL', () => {
  it('says not_configured, rejects publishes as retryable and consumes nothing', async () => {
    const t = await app({ AMQP_URL: undefined });
    expect((await health(t)).checks.amqp).toBe('not_configured');
    expect(t.app.amqp.configured).toBe(false);
    expect(t.app.amqp.status()).toBe('not_configured');
    const error = await t.app.amqp
      .publish(TEST_AMQP_NAMES.installExchange, 'install.start.own.all.all', {}, { messageId: 'x' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AmqpPublishError);
    expect(error).toMatchObject({ reason: 'not_configured', retryable: true });
    const handle = t.app.amqp.consume({
      exchange: names.exchange,
      queue: names.queue,
      bindingKey: '#',
      handler: () => 'ack',
    });
    expect(handle.active()).toBe(false);
    await handle.cancel();
  });
});

describe.skipIf(broker.skip)('amqp plugin with the real broker', () => {
  it('connects after startup, reports ok, asserts the install exchange and round-trips', async () => {
    const t = await app({ AMQP_URL: BROKER_URL });
    await waitUntil(async () => (await health(t)).checks.amqp === 'ok');
    expect(t.app.amqp.configured).toBe(true);

    const side = await sideConnection();
    try {
      const channel = await side.createChannel();
      await expect(channel.checkExchange(TEST_AMQP_NAMES.installExchange)).resolves.toBeDefined();
    } finally {
      await side.close();
    }

    const seen: InboundMessage[] = [];
    const consumer = t.app.amqp.consume({
      exchange: names.exchange,
      queue: names.queue,
      bindingKey: 'install.progress.*.*.*',
      prefetch: 10,
      handler: (m) => {
        seen.push(m);
        return 'ack';
      },
    });
    await waitUntil(() => consumer.active());
    const id = randomUUID();
    await t.app.amqp.publish(
      names.exchange,
      'install.progress.own.all.all',
      { status: 'completed' },
      {
        messageId: id,
        correlationId: 'deployment_1',
      },
    );
    await waitUntil(() => seen.length === 1);
    expect(seen[0]).toMatchObject({ messageId: id, correlationId: 'deployment_1' });

    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/stacker_amqp_up 1/);
    expect(metrics.body).toMatch(/stacker_amqp_publish_total\{outcome="confirmed"\} 1/);

    await t.close();
    apps.splice(apps.indexOf(t), 1);
    expect(consumer.active()).toBe(false);
  });

  it('does not block startup on a dead broker: health says down and publishes fail fast', async () => {
    const t = await app({ AMQP_URL: await closedPortUrl() });
    const report = await health(t);
    expect(report.checks.amqp).toBe('down');
    expect(report.checks.db).toBe('ok');
    const error = await t.app.amqp
      .publish(TEST_AMQP_NAMES.installExchange, 'install.start.own.all.all', {}, { messageId: randomUUID() })
      .catch((e) => e);
    expect(error).toMatchObject({ reason: 'unavailable', retryable: true });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/stacker_amqp_up 0/);
    expect(metrics.body).toMatch(/stacker_amqp_publish_total\{outcome="unavailable"\} 1/);
  });
});
