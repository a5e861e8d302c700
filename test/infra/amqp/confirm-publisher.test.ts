import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfirmPublisher } from '../../../src/infra/amqp/confirm-publisher.js';
import { AmqpConnectionManager } from '../../../src/infra/amqp/connection-manager.js';
import { AmqpPublishError } from '../../../src/infra/amqp/publish-error.js';
import {
  BROKER_URL,
  closedPortUrl,
  collect,
  deleteTopology,
  killConnection,
  probeBroker,
  uniqueNames,
} from '../../helpers/broker.js';
import { waitUntil } from '../../helpers/wait.js';

const broker = await probeBroker('AMQP confirm publisher');
const names = uniqueNames('publisher');
const routingKey = 'install.start.own.all.all';
let manager: AmqpConnectionManager;
let publisher: ConfirmPublisher;

beforeAll(async () => {
  if (broker.skip) return;
  manager = new AmqpConnectionManager({
    url: BROKER_URL,
    connectionName: names.connectionName,
    minBackoffMs: 20,
    maxBackoffMs: 200,
  });
  await manager.declare({
    exchanges: [{ name: names.exchange, type: 'topic' }],
    queues: [{ name: names.queue }],
    bindings: [{ queue: names.queue, exchange: names.exchange, bindingKey: 'install.start.*.all.all' }],
  });
  manager.start();
  await manager.waitForConnection(10_000);
  publisher = new ConfirmPublisher(manager, { connectWaitMs: 10_000, confirmTimeoutMs: 5_000 });
});
afterAll(async () => {
  if (broker.skip) return;
  await publisher.close();
  await manager.close();
  await deleteTopology({ exchanges: [names.exchange], queues: [names.queue] });
});

async function failure(promise: Promise<unknown>): Promise<AmqpPublishError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AmqpPublishError);
  return error as AmqpPublishError;
}

describe.skipIf(broker.skip)('ConfirmPublisher against the real broker', () => {
  it('delivers confirmed, persistent JSON with the message and correlation ids', async () => {
    const inbox = await collect(names.queue);
    try {
      const id = randomUUID();
      await publisher.publish(
        names.exchange,
        routingKey,
        { deployment_hash: 'deployment_abc' },
        {
          messageId: id,
          correlationId: 'deployment_abc',
        },
      );
      await publisher.publish(names.exchange, routingKey, Buffer.from('raw bytes'), {
        messageId: `${id}-raw`,
        contentType: 'application/octet-stream',
        persistent: false,
      });
      await waitUntil(() => inbox.messages.length === 2);
      const [json, raw] = inbox.messages;
      expect(JSON.parse(json!.content.toString())).toEqual({ deployment_hash: 'deployment_abc' });
      expect(json!.fields.routingKey).toBe(routingKey);
      expect(json!.properties).toMatchObject({
        messageId: id,
        correlationId: 'deployment_abc',
        contentType: 'application/json',
        deliveryMode: 2,
      });
      expect(raw!.content.toString()).toBe('raw bytes');
      expect(raw!.properties).toMatchObject({ contentType: 'application/octet-stream', deliveryMode: 1 });
    } finally {
      await inbox.stop();
    }
  });

  it('rejects a mandatory message no queue is bound for, as retryable', async () => {
    const error = await failure(
      publisher.publish(names.exchange, 'nobody.listens', {}, { messageId: randomUUID(), mandatory: true }),
    );
    expect(error).toMatchObject({ reason: 'unroutable', retryable: true });
    // Without mandatory the broker confirms and drops it, as AMQP specifies.
    await publisher.publish(names.exchange, 'nobody.listens', {}, { messageId: randomUUID() });
  });

  it('reports a missing exchange with its reply code and recovers on a fresh channel', async () => {
    const error = await failure(
      publisher.publish(`${names.exchange}.missing`, routingKey, {}, { messageId: randomUUID() }),
    );
    expect(error).toMatchObject({ reason: 'channel_closed', code: 404, retryable: true });
    await publisher.publish(names.exchange, routingKey, {}, { messageId: randomUUID() });
  });

  it('refuses bodies that cannot be sent as non-retryable, before touching the channel', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const unserialisable = await failure(
      publisher.publish(names.exchange, routingKey, circular, { messageId: randomUUID() }),
    );
    expect(unserialisable).toMatchObject({ reason: 'invalid_body', retryable: false });

    const small = new ConfirmPublisher(manager, { maxMessageBytes: 16 });
    const oversized = await failure(
      small.publish(names.exchange, routingKey, Buffer.alloc(17), { messageId: randomUUID() }),
    );
    expect(oversized).toMatchObject({ reason: 'invalid_body', retryable: false });
    await small.publish(names.exchange, routingKey, Buffer.alloc(16), { messageId: randomUUID() });
    await small.close();
  });

  it('loses nothing when the connection is killed mid-run: failures are retryable, retries land', async () => {
    const inbox = await collect(names.queue);
    try {
      const ids: string[] = [];
      const runs: Promise<void>[] = [];
      const failures: AmqpPublishError[] = [];
      let confirmed = 0;
      // What the outbox relay does: keep each message until a publish of it is confirmed.
      const publishUntilConfirmed = async (id: string) => {
        for (;;) {
          try {
            await publisher.publish(names.exchange, routingKey, { id }, { messageId: id });
            confirmed += 1;
            return;
          } catch (error) {
            if (!(error instanceof AmqpPublishError) || !error.retryable) throw error;
            failures.push(error);
            // The relay retries on its next pass; here, once the connection is back.
            await waitUntil(() => manager.status() === 'ok', 'the connection to come back');
          }
        }
      };
      const burst = (size: number) => {
        const wave: Promise<void>[] = [];
        for (let i = 0; i < size; i++) {
          const id = `kill-${ids.length}-${randomUUID()}`;
          ids.push(id);
          wave.push(publishUntilConfirmed(id));
        }
        runs.push(...wave);
        return wave;
      };
      const firstConnection = manager.current();
      burst(10);
      await waitUntil(() => confirmed >= 5);
      // Keep bursts in flight while the broker (or the socket) drops the connection under them.
      let killed = false;
      const kill = killConnection(manager).then(() => {
        killed = true;
      });
      // Each wave waits for its confirms (or the kill), so publishes are always in flight when it lands.
      while (!killed && ids.length < 2_000) await Promise.race([Promise.all(burst(3)), kill]);
      await kill;
      burst(20);
      await Promise.all(runs);
      expect(manager.current()).not.toBe(firstConnection);
      for (const failed of failures) {
        expect(['unavailable', 'channel_closed', 'closed', 'timeout']).toContain(failed.reason);
      }

      const afterReconnect = `after-${randomUUID()}`;
      await publisher.publish(
        names.exchange,
        routingKey,
        { id: afterReconnect },
        { messageId: afterReconnect },
      );
      const expected = [...ids, afterReconnect];
      // At-least-once: a retried publish may arrive twice, so compare sets.
      const received = () => new Set(inbox.messages.map((m) => m.properties.messageId as string));
      await waitUntil(() => expected.every((id) => received().has(id))).catch(() => {});
      expect(expected.filter((id) => !received().has(id))).toEqual([]);
    } finally {
      await inbox.stop();
    }
  });

  it('honours the caller giving up (the relay aborts a slow send)', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(
      publisher.publish(
        names.exchange,
        routingKey,
        {},
        { messageId: randomUUID(), signal: controller.signal },
      ),
    );
    expect(error).toMatchObject({ reason: 'aborted', retryable: true });
  });
});

describe.skipIf(broker.skip)('ConfirmPublisher without a reachable broker', () => {
  it('rejects in bounded time with a retryable error instead of hanging', async () => {
    const down = new AmqpConnectionManager({
      url: await closedPortUrl(),
      minBackoffMs: 20,
      maxBackoffMs: 100,
    });
    down.start();
    const offline = new ConfirmPublisher(down, { connectWaitMs: 300 });
    try {
      const error = await failure(
        offline.publish(names.exchange, routingKey, {}, { messageId: randomUUID() }),
      );
      expect(error).toMatchObject({ reason: 'unavailable', retryable: true });
      expect(down.status()).toBe('down');
    } finally {
      await offline.close();
      await down.close();
    }
  });

  it('does not sit out the wait once the broker is known to be down', async () => {
    const down = new AmqpConnectionManager({
      url: await closedPortUrl(),
      minBackoffMs: 20,
      maxBackoffMs: 100,
    });
    down.start();
    // A wait longer than the test timeout: only the fast path can make this test pass.
    const offline = new ConfirmPublisher(down, { connectWaitMs: 600_000 });
    try {
      await waitUntil(() => down.failing);
      const error = await failure(
        offline.publish(names.exchange, routingKey, {}, { messageId: randomUUID() }),
      );
      expect(error).toMatchObject({ reason: 'unavailable', retryable: true });
    } finally {
      await offline.close();
      await down.close();
    }
  });

  it('rejects once closed', async () => {
    const m = new AmqpConnectionManager({ url: BROKER_URL });
    const closedPublisher = new ConfirmPublisher(m);
    await closedPublisher.close();
    const error = await failure(
      closedPublisher.publish(names.exchange, routingKey, {}, { messageId: randomUUID() }),
    );
    expect(error).toMatchObject({ reason: 'closed', retryable: true });
    await m.close();
  });
});
