import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { Duplex } from 'node:stream';
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { readTestEnv } from '../../src/config.js';
import type { AmqpConnectionManager } from '../../src/infra/amqp/connection-manager.js';

/** The machine's broker; CI sets AMQP_URL to the same address. */
export const BROKER_URL = readTestEnv().amqpUrl ?? 'amqp://guest:guest@127.0.0.1:5672/%2f';

/**
 * Probes the broker once per test file. Unreachable outside CI: the file is skipped with a loud reason.
 * Unreachable in CI: nothing is skipped, so the run fails.
 */
export async function probeBroker(suite: string): Promise<{ skip: boolean }> {
  try {
    const model = await amqp.connect(BROKER_URL, { timeout: 3_000 });
    await model.close();
    return { skip: false };
  } catch (error) {
    if (readTestEnv().ci) return { skip: false };
    const where = new URL(BROKER_URL).host;
    console.warn(
      `\n!!! SKIPPING "${suite}": no RabbitMQ reachable at ${where} (${String(error)}).\n` +
        '!!! Start a broker or set AMQP_URL to run these tests; in CI (CI set) they fail instead.\n',
    );
    return { skip: true };
  }
}

/** Names no other test file uses, so files run in parallel against one broker. */
export function uniqueNames(suite: string) {
  const id = randomUUID().slice(0, 8);
  return {
    id,
    exchange: `test.${suite}.${id}.ex`,
    queue: `test.${suite}.${id}.q`,
    connectionName: `stacker-test ${suite} ${id}`,
  };
}

/** A URL on which nothing listens: a port we bound and released. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `amqp://guest:guest@127.0.0.1:${address.port}/%2f`;
}

/** A side connection for test setup, inspection and cleanup, independent of the code under test. */
export async function sideConnection(): Promise<ChannelModel> {
  const model = await amqp.connect(BROKER_URL);
  model.on('error', () => {});
  return model;
}

/** Deletes what a test file declared; each step on its own channel, since a failure closes the channel. */
export async function deleteTopology(names: { exchanges?: string[]; queues?: string[] }): Promise<void> {
  const model = await sideConnection();
  try {
    for (const queue of names.queues ?? []) {
      const channel = await model.createChannel();
      channel.on('error', () => {});
      await channel.deleteQueue(queue).catch(() => {});
      await channel.close().catch(() => {});
    }
    for (const exchange of names.exchanges ?? []) {
      const channel = await model.createChannel();
      channel.on('error', () => {});
      await channel.deleteExchange(exchange).catch(() => {});
      await channel.close().catch(() => {});
    }
  } finally {
    await model.close().catch(() => {});
  }
}

/** Collects everything delivered on a queue (auto-ack) through a side connection. */
export async function collect(queue: string): Promise<{ messages: ConsumeMessage[]; stop(): Promise<void> }> {
  const model = await sideConnection();
  const channel = await model.createChannel();
  const messages: ConsumeMessage[] = [];
  await channel.consume(queue, (message) => message && messages.push(message), { noAck: true });
  return { messages, stop: () => model.close().catch(() => {}) };
}

function rabbitmqctl(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('rabbitmqctl', args, { timeout: 20_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

/**
 * Force-closes the named connection at the broker (as an operator or a broker restart would), through
 * `rabbitmqctl` on this machine. The management HTTP API is not enabled here. False when unavailable.
 */
export async function closeFromBroker(connectionName: string): Promise<boolean> {
  try {
    const listing = await rabbitmqctl([
      'list_connections',
      'pid',
      'client_properties',
      '-q',
      '--no-table-headers',
    ]);
    const pids = listing
      .split('\n')
      .filter((line) => line.includes(`{"connection_name","${connectionName}"}`))
      .map((line) => line.split('\t')[0]!);
    if (pids.length === 0) return false;
    for (const pid of pids) await rabbitmqctl(['close_connection', pid, 'test: killed mid-run', '-q']);
    return true;
  } catch {
    return false;
  }
}

/** Kills the socket from the client side: what a dead network path looks like to amqplib. */
export function destroySocket(manager: AmqpConnectionManager): void {
  const model = manager.current();
  if (!model) throw new Error('not connected');
  // amqplib keeps the socket on `connection.stream`; the typings do not declare it.
  (model.connection as unknown as { stream: Duplex }).stream.destroy(new Error('test: socket destroyed'));
}

/** Kills the manager's connection: at the broker when possible, else from the client side. */
export async function killConnection(manager: AmqpConnectionManager): Promise<'broker' | 'client'> {
  if (await closeFromBroker(manager.connectionName)) return 'broker';
  destroySocket(manager);
  return 'client';
}

/** A test's own view of the broker: an exclusive queue collecting what is published to an exchange. */
export interface Tap {
  messages: ConsumeMessage[];
  channel: Channel;
  close(): Promise<void>;
}

/** Everything published to `exchange` with a key matching `bindingKey`, from now on (auto-ack). */
export async function tap(exchange: string, bindingKey: string): Promise<Tap> {
  const model = await sideConnection();
  const channel = await model.createChannel();
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, exchange, bindingKey);
  const messages: ConsumeMessage[] = [];
  await channel.consume(queue, (m) => m && messages.push(m), { noAck: true });
  return { messages, channel, close: () => model.close().catch(() => {}) };
}
