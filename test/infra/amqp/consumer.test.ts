import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfirmPublisher } from '../../../src/infra/amqp/confirm-publisher.js';
import { AmqpConnectionManager } from '../../../src/infra/amqp/connection-manager.js';
import {
  type ConsumeOptions,
  type HandlerResult,
  type InboundMessage,
  QueueConsumer,
} from '../../../src/infra/amqp/consumer.js';
import {
  BROKER_URL,
  deleteTopology,
  destroySocket,
  killConnection,
  probeBroker,
  sideConnection,
  uniqueNames,
} from '../../helpers/broker.js';
import { sleep, waitUntil } from '../../helpers/wait.js';

const broker = await probeBroker('AMQP consumer');
const names = uniqueNames('consumer');
let manager: AmqpConnectionManager;
let publisher: ConfirmPublisher;
const consumers: QueueConsumer[] = [];
const queues: string[] = [];

beforeAll(async () => {
  if (broker.skip) return;
  manager = new AmqpConnectionManager({
    url: BROKER_URL,
    connectionName: names.connectionName,
    minBackoffMs: 20,
    maxBackoffMs: 200,
  });
  manager.start();
  await manager.waitForConnection(10_000);
  publisher = new ConfirmPublisher(manager, { connectWaitMs: 10_000 });
});
afterEach(async () => {
  await Promise.all(consumers.splice(0).map((c) => c.cancel()));
});
afterAll(async () => {
  if (broker.skip) return;
  await publisher.close();
  await manager.close();
  await deleteTopology({ exchanges: [names.exchange], queues });
});

/** A consumer on a fresh queue bound like `stacker_listener`, but with this test's names. */
async function start(
  handler: (m: InboundMessage) => HandlerResult | Promise<HandlerResult>,
  extra: Partial<ConsumeOptions> = {},
) {
  const queue = `${names.queue}.${queues.length}`;
  queues.push(queue);
  const consumer = new QueueConsumer(manager, {
    exchange: names.exchange,
    queue,
    bindingKey: 'install.progress.*.*.*',
    prefetch: 10,
    errorRequeueDelayMs: 50,
    handler,
    ...extra,
  });
  consumers.push(consumer);
  await waitUntil(() => consumer.active());
  return { consumer, queue };
}

const send = (id: string, body: object = { id }) =>
  publisher.publish(names.exchange, 'install.progress.own.all.all', body, { messageId: id });

async function queueState(queue: string): Promise<{ messageCount: number; consumerCount: number }> {
  const model = await sideConnection();
  try {
    const channel = await model.createChannel();
    return await channel.checkQueue(queue);
  } finally {
    await model.close().catch(() => {});
  }
}

describe.skipIf(broker.skip)('QueueConsumer against the real broker', () => {
  it('round trip: receives what the publisher confirmed, acks it, leaves the queue empty', async () => {
    const seen: InboundMessage[] = [];
    const { queue } = await start((m) => {
      seen.push(m);
      return 'ack';
    });
    const id = randomUUID();
    await send(id, { deployment_hash: 'deployment_x', status: 'completed' });
    await waitUntil(() => seen.length === 1);
    expect(JSON.parse(seen[0]!.body.toString())).toEqual({
      deployment_hash: 'deployment_x',
      status: 'completed',
    });
    expect(seen[0]).toMatchObject({
      messageId: id,
      routingKey: 'install.progress.own.all.all',
      exchange: names.exchange,
      redelivered: false,
      contentType: 'application/json',
    });
    await waitUntil(async () => (await queueState(queue)).messageCount === 0);
    expect(await queueState(queue)).toEqual(expect.objectContaining({ messageCount: 0, consumerCount: 1 }));
  });

  it('requeue redelivers; a thrown handler is requeued after its delay; drop discards', async () => {
    const attempts = new Map<string, InboundMessage[]>();
    const { queue } = await start((m) => {
      const id = m.messageId!;
      const list = attempts.get(id) ?? [];
      list.push(m);
      attempts.set(id, list);
      if (id.startsWith('requeue') && list.length === 1) return 'requeue';
      if (id.startsWith('throw') && list.length === 1) throw new Error('database down');
      if (id.startsWith('drop')) return 'drop';
      return 'ack';
    });
    const [requeue, thrown, dropped] = [
      `requeue-${randomUUID()}`,
      `throw-${randomUUID()}`,
      `drop-${randomUUID()}`,
    ];
    await Promise.all([send(requeue), send(thrown), send(dropped)]);
    await waitUntil(() => attempts.get(requeue)?.length === 2 && attempts.get(thrown)?.length === 2);
    expect(attempts.get(requeue)!.map((m) => m.redelivered)).toEqual([false, true]);
    expect(attempts.get(thrown)!.map((m) => m.redelivered)).toEqual([false, true]);

    // The dropped message is gone: after a later message is acked, it was seen once and nothing waits.
    const marker = `marker-${randomUUID()}`;
    await send(marker);
    await waitUntil(() => attempts.has(marker));
    await waitUntil(async () => (await queueState(queue)).messageCount === 0);
    expect(attempts.get(dropped)).toHaveLength(1);
  });

  it('keeps at most `prefetch` messages in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    let done = 0;
    await start(
      async (): Promise<HandlerResult> => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await sleep(15, 'the handler works a while, so deliveries overlap');
        inFlight -= 1;
        done += 1;
        return 'ack';
      },
      { prefetch: 3 },
    );
    await Promise.all(Array.from({ length: 12 }, () => send(randomUUID())));
    await waitUntil(() => done === 12);
    expect(peak).toBe(3);
  });

  it.each(['broker', 'socket'] as const)(
    'resumes by itself after the connection is killed (%s side); nothing confirmed is lost',
    async (side) => {
      const received = new Set<string>();
      const { consumer } = await start((m) => {
        received.add(m.messageId!);
        return 'ack';
      });
      const before = Array.from({ length: 5 }, () => `before-${randomUUID()}`);
      for (const id of before) await send(id);
      await waitUntil(() => before.every((id) => received.has(id)));

      const first = manager.current();
      if (side === 'broker') await killConnection(manager);
      else destroySocket(manager);
      await waitUntil(() => manager.current() !== undefined && manager.current() !== first);
      await waitUntil(() => consumer.active());

      const after = Array.from({ length: 5 }, () => `after-${randomUUID()}`);
      for (const id of after) await send(id);
      await waitUntil(() => after.every((id) => received.has(id)));
      expect([...before, ...after].filter((id) => !received.has(id))).toEqual([]);
    },
  );

  it('re-subscribes when the broker cancels it because its queue was deleted', async () => {
    const received = new Set<string>();
    const { consumer, queue } = await start((m) => {
      received.add(m.messageId!);
      return 'ack';
    });
    await deleteTopology({ queues: [queue] });
    await waitUntil(
      async () => consumer.active() && (await queueState(queue).catch(() => undefined)) !== undefined,
    );
    const id = randomUUID();
    await send(id);
    await waitUntil(() => received.has(id));
  });

  it('cancel stops consuming and releases the queue', async () => {
    const { consumer, queue } = await start(() => 'ack');
    await consumer.cancel();
    expect(consumer.active()).toBe(false);
    expect((await queueState(queue)).consumerCount).toBe(0);
    await send(randomUUID());
    await waitUntil(async () => (await queueState(queue)).messageCount === 1);
  });
});
