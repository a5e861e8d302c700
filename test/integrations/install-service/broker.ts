import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { readTestEnv } from '../../../src/config.js';

/** The machine's broker; CI sets AMQP_URL to the same address. */
export const BROKER_URL = readTestEnv().amqpUrl ?? 'amqp://guest:guest@127.0.0.1:5672/%2f';

/**
 * Whether to skip a broker test file: only when no broker answers and CI is not set, and then loudly.
 * In CI a missing broker is not skipped, so the run fails.
 */
export async function brokerMissing(suite: string): Promise<boolean> {
  try {
    const model = await amqp.connect(BROKER_URL, { timeout: 3_000 });
    await model.close();
    return false;
  } catch (error) {
    if (readTestEnv().ci) return false;
    console.warn(
      `\n!!! SKIPPING "${suite}": no RabbitMQ at ${new URL(BROKER_URL).host} (${String(error)}).\n` +
        '!!! Start a broker or set AMQP_URL to run these tests; with CI set they fail instead.\n',
    );
    return true;
  }
}

/** A test's own view of the broker: an exclusive queue collecting what is published to an exchange. */
export interface Tap {
  messages: ConsumeMessage[];
  channel: Channel;
  close(): Promise<void>;
}

export async function openSide(): Promise<ChannelModel> {
  const model = await amqp.connect(BROKER_URL);
  model.on('error', () => {});
  return model;
}

/** Everything published to `exchange` with a key matching `bindingKey`, from now on (auto-ack). */
export async function tap(exchange: string, bindingKey: string): Promise<Tap> {
  const model = await openSide();
  const channel = await model.createChannel();
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, exchange, bindingKey);
  const messages: ConsumeMessage[] = [];
  await channel.consume(queue, (m) => m && messages.push(m), { noAck: true });
  return { messages, channel, close: () => model.close().catch(() => {}) };
}

export async function waitFor(predicate: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
