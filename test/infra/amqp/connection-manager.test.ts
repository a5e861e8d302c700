import type { ChannelModel } from 'amqplib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AmqpConnectionManager, AmqpUnavailableError } from '../../../src/infra/amqp/connection-manager.js';
import {
  BROKER_URL,
  closedPortUrl,
  closeFromBroker,
  deleteTopology,
  destroySocket,
  probeBroker,
  sideConnection,
  uniqueNames,
} from '../../helpers/broker.js';
import { waitUntil } from '../../helpers/wait.js';

const broker = await probeBroker('AMQP connection manager');
const names = uniqueNames('manager');
const managers: AmqpConnectionManager[] = [];

function manager(url = BROKER_URL, suffix = ''): AmqpConnectionManager {
  const created = new AmqpConnectionManager({
    url,
    connectionName: `${names.connectionName}${suffix}`,
    minBackoffMs: 20,
    maxBackoffMs: 200,
  });
  managers.push(created);
  return created;
}

async function exists(kind: 'exchange' | 'queue', name: string): Promise<boolean> {
  const model = await sideConnection();
  try {
    const channel = await model.createChannel();
    channel.on('error', () => {});
    if (kind === 'exchange') await channel.checkExchange(name);
    else await channel.checkQueue(name);
    return true;
  } catch {
    return false;
  } finally {
    await model.close().catch(() => {});
  }
}

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.close()));
});
afterAll(async () => {
  if (!broker.skip) await deleteTopology({ exchanges: [names.exchange], queues: [names.queue] });
});

describe.skipIf(broker.skip)('AmqpConnectionManager against the real broker', () => {
  it('connects in the background, asserts the declared topology and reports ok', async () => {
    const m = manager();
    await m.declare({
      exchanges: [{ name: names.exchange, type: 'topic' }],
      queues: [{ name: names.queue }],
      bindings: [{ queue: names.queue, exchange: names.exchange, bindingKey: 'a.#' }],
    });
    expect(m.status()).toBe('down');
    m.start();
    await m.waitForConnection(10_000);
    expect(m.status()).toBe('ok');
    expect(await exists('exchange', names.exchange)).toBe(true);
    expect(await exists('queue', names.queue)).toBe(true);
  });

  it('reconnects after the broker closes the connection and re-asserts deleted topology', async () => {
    const m = manager(BROKER_URL, ' reassert');
    await m.declare({
      exchanges: [{ name: names.exchange, type: 'topic' }],
      queues: [{ name: names.queue }],
    });
    let connects = 0;
    m.onConnect(() => connects++);
    m.start();
    const first = await m.waitForConnection(10_000);

    // Someone deletes the topology while we are connected; only a (re)connect brings it back.
    await deleteTopology({ exchanges: [names.exchange], queues: [names.queue] });
    expect(await exists('queue', names.queue)).toBe(false);

    const closedAtBroker = await closeFromBroker(m.connectionName);
    if (!closedAtBroker) destroySocket(m);
    await waitUntil(() => m.current() !== undefined && m.current() !== first);
    expect(m.status()).toBe('ok');
    expect(connects).toBe(2);
    expect(await exists('exchange', names.exchange)).toBe(true);
    expect(await exists('queue', names.queue)).toBe(true);
  });

  it('reconnects after its socket dies on the client side', async () => {
    const m = manager(BROKER_URL, ' socket');
    m.start();
    const first = await m.waitForConnection(10_000);
    const seen: ChannelModel[] = [];
    m.onConnect((model) => seen.push(model));
    destroySocket(m);
    await waitUntil(() => seen.length === 1);
    expect(seen[0]).not.toBe(first);
    expect(m.status()).toBe('ok');
  });

  it('stays down, retrying in the background, while the broker is unreachable', async () => {
    const m = manager(await closedPortUrl());
    m.start();
    await expect(m.waitForConnection(300)).rejects.toBeInstanceOf(AmqpUnavailableError);
    expect(m.status()).toBe('down');
  });

  it('rejects a declaration the broker refuses, without keeping it for reconnects', async () => {
    const m = manager(BROKER_URL, ' refuse');
    m.start();
    await m.waitForConnection(10_000);
    await m.declare({ exchanges: [{ name: names.exchange, type: 'topic' }] });
    // Same name, other type: PRECONDITION_FAILED.
    await expect(m.declare({ exchanges: [{ name: names.exchange, type: 'fanout' }] })).rejects.toThrow();
    destroySocket(m);
    await waitUntil(() => m.status() === 'ok');
  });

  it('closes for good: no reconnect, waiters rejected', async () => {
    const m = manager(BROKER_URL, ' close');
    m.start();
    const model = await m.waitForConnection(10_000);
    let closedEvents = 0;
    model.on('close', () => closedEvents++);
    await m.close();
    expect(closedEvents).toBe(1);
    expect(m.status()).toBe('down');
    await expect(m.waitForConnection(1_000)).rejects.toBeInstanceOf(AmqpUnavailableError);
    expect(m.current()).toBeUndefined();
  });
});
