import { randomUUID } from 'node:crypto';
import type { ConsumeMessage } from 'amqplib';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerHandle } from '../../../src/infra/amqp/consumer.js';
import { ManualClock } from '../../../src/infra/clock.js';
import { startProgressConsumer } from '../../../src/modules/deployments/install-wiring.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, type DevUser } from '../../helpers/auth.js';
import { BROKER_URL, probeBroker, sideConnection, type Tap, tap } from '../../helpers/broker.js';
import { TEST_AMQP_NAMES } from '../../helpers/config.js';
import { listedTemplate, type TestTemplate, UNLIMITED_DEPLOYS_ENV } from '../../helpers/templates.js';
import { waitUntil } from '../../helpers/wait.js';
import { TcpProxy, viaProxy } from './tcp-proxy.js';

// The Install Service path against the real RabbitMQ: the outbox sender publishing with confirms, the
// progress consumer, and a connection cut mid-run (through a loopback proxy that only this file uses).

const { skip } = await probeBroker('Install Service over RabbitMQ');
const broker = new URL(BROKER_URL);
const proxy = new TcpProxy(broker.hostname, Number(broker.port || 5672));
const clock = new ManualClock();
const runId = randomUUID().slice(0, 8);
const progressQueue = `test.stacker_listener.${runId}`;
// A key of this file only, so the app's own progress queue never sees these.
const progressKey = `test.install.progress.${runId}`;
let t: TestApp;
let installs: Tap;
let consumer: ConsumerHandle | undefined;
let free: TestTemplate;
/** What the app logged at warn and above (the consumer reports a requeue there). */
const logLines: string[] = [];

beforeAll(async () => {
  if (skip) return;
  await proxy.start();
  t = await buildTestApp({
    env: { ...UNLIMITED_DEPLOYS_ENV, AMQP_URL: viaProxy(BROKER_URL, proxy) },
    clock,
    deps: { logger: pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) }) },
  });
  await waitUntil(() => t.app.amqp.status() === 'ok', 'the app to connect');
  installs = await tap(TEST_AMQP_NAMES.installExchange, 'install.#');
  consumer = startProgressConsumer(t.app, {
    exchange: TEST_AMQP_NAMES.progressExchange,
    queue: progressQueue,
    bindingKey: progressKey,
    queueOptions: { autoDelete: true },
  });
  await waitUntil(() => consumer?.active() === true, 'the progress consumer');
  free = await listedTemplate(t);
});

afterAll(async () => {
  await consumer?.cancel();
  await installs?.close();
  await t?.close();
  await proxy.close();
});

async function deploy(user: DevUser, body: Record<string, unknown>): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: bearer(user),
    payload: body,
  });
  expect(res.statusCode).toBe(201);
  return res.json().item.deployment.deployment_hash;
}

const received = (hash: string): ConsumeMessage[] =>
  installs.messages.filter((m) => m.properties.correlationId === hash);
const bodyOf = (m: ConsumeMessage) => JSON.parse(m.content.toString('utf8'));

async function status(hash: string): Promise<string> {
  const row = await t.app.db
    .selectFrom('deployment')
    .select('status')
    .where('deployment_hash', '=', hash)
    .executeTakeFirstOrThrow();
  return row.status;
}

async function publishProgress(body: Record<string, unknown>, routingKey = progressKey) {
  const model = await sideConnection();
  try {
    const channel = await model.createConfirmChannel();
    channel.publish(TEST_AMQP_NAMES.progressExchange, routingKey, Buffer.from(JSON.stringify(body)), {
      persistent: true,
      contentType: 'application/json',
      messageId: randomUUID(),
    });
    await channel.waitForConfirms();
  } finally {
    await model.close();
  }
}

describe.skipIf(skip)('install messages over RabbitMQ', () => {
  it('publishes install.start with the contract properties once the relay runs; credentials only in the message', async () => {
    const secret = `s3cr3t-${randomUUID()}`;
    const hash = await deploy('customerFree', {
      template: free.slug,
      name: 'round trip',
      cloud: { provider: 'hetzner', token: secret },
      environment: { APP_KEY: secret },
    });
    expect(received(hash)).toHaveLength(0); // the reply does not wait for the broker
    const pass = await t.app.outbox.runOnce();
    expect(pass.delivered).toBeGreaterThanOrEqual(1);
    await waitUntil(() => received(hash).length === 1, 'the install message');
    const [message] = received(hash);
    const event = await t.app.db
      .selectFrom('outbox')
      .select(['id', 'status'])
      .where('ordering_key', '=', hash)
      .executeTakeFirstOrThrow();
    expect(event.status).toBe('delivered');
    expect(message!.fields.routingKey).toBe('install.start.tfa.all.all');
    expect(message!.properties).toMatchObject({
      messageId: event.id,
      correlationId: hash,
      deliveryMode: 2,
      contentType: 'application/json',
    });
    expect(bodyOf(message!)).toMatchObject({
      deployment_hash: hash,
      user_token: bodyOf(message!).user_id,
      template: { id: free.id, slug: free.slug, version: '1.0.0' },
      stack: { name: 'round trip', definition_format: 'yaml' },
      cloud: { provider: 'hetzner', token: secret },
      environment: { APP_KEY: secret },
    });
  });

  it('routes a bring-your-own server (an IP, or provider "own") to install.start.own', async () => {
    const byIp = await deploy('customerFree', {
      template: free.slug,
      name: 'own',
      server: { ip: '203.0.113.9', ssh_user: 'root' },
    });
    const byProvider = await deploy('customerFree', {
      template: free.slug,
      name: 'own2',
      cloud: { provider: 'own' },
    });
    await t.app.outbox.runOnce();
    await waitUntil(() => received(byIp).length === 1 && received(byProvider).length === 1, 'both messages');
    expect(received(byIp)[0]!.fields.routingKey).toBe('install.start.own.all.all');
    expect(received(byProvider)[0]!.fields.routingKey).toBe('install.start.own.all.all');
  });

  it('publishes install.delete after install.start for a deleted deployment', async () => {
    const hash = await deploy('customerPro', { template: free.slug, name: 'to delete' });
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/deployments/${hash}`,
      headers: bearer('customerPro'),
    });
    expect(del.statusCode).toBe(200);
    await t.app.outbox.runOnce();
    await t.app.outbox.runOnce();
    await waitUntil(() => received(hash).length === 2, 'start and delete');
    const [start, deleted] = received(hash);
    expect(start!.fields.routingKey).toBe('install.start.tfa.all.all');
    expect(deleted!.fields.routingKey).toBe('install.delete.all.all.all');
    expect(bodyOf(deleted!)).toEqual({
      deployment_hash: hash,
      project_id: expect.any(Number),
      user_id: bodyOf(start!).user_id,
    });
  });
});

describe.skipIf(skip)('install progress over RabbitMQ', () => {
  it('applies progress; `completed` makes GET say completed; a duplicate and a late message change nothing', async () => {
    const hash = await deploy('customerFree', { template: free.slug, name: 'progress' });
    await publishProgress({
      deployment_hash: hash,
      status: 'in_progress',
      message: 'Provisioning',
      progress: 30,
    });
    await waitUntil(async () => (await status(hash)) === 'in_progress', 'in_progress');
    await publishProgress({
      deployment_hash: hash,
      status: 'completed',
      message: 'Ready',
      srv_ip: '198.51.100.20',
    });
    await waitUntil(async () => (await status(hash)) === 'completed', 'completed');

    const get = await t.app.inject({
      method: 'GET',
      url: `/api/v1/deployments/${hash}`,
      headers: bearer('customerFree'),
    });
    expect(get.json().item).toMatchObject({
      status: 'completed',
      status_message: 'Ready',
      server_ip: '198.51.100.20',
    });
    const before = get.json().item;

    clock.advance(60_000); // anything written after this would show a new updated_at
    await publishProgress({ deployment_hash: hash, status: 'completed', message: 'Ready' });
    await publishProgress({ deployment_hash: hash, status: 'in_progress', message: 'late' });
    await publishProgress({ status: 'completed' }); // malformed: no deployment named
    await publishProgress({ deployment_hash: 'deployment_unknown', status: 'failed' });
    // A message for another deployment, published last: once it is applied and the queue is empty,
    // the ones before it have been handled (or are being acked).
    const sentinel = await deploy('customerFree', { template: free.slug, name: 'sentinel' });
    await publishProgress({ deployment_hash: sentinel, status: 'paused' });
    await waitUntil(async () => (await status(sentinel)) === 'paused', 'the sentinel');
    await waitUntil(async () => (await queueDepth()) === 0, 'an empty queue');

    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/deployments/${hash}`,
      headers: bearer('customerFree'),
    });
    expect(after.json().item).toEqual(before);
  });

  it('requeues a message the database could not take, and applies it once the database is back', async () => {
    const hash = await deploy('customerFree', { template: free.slug, name: 'db down' });
    // A real database error for this file's own database: the table is briefly not there.
    await sql`ALTER TABLE deployment RENAME TO deployment_away`.execute(t.app.db);
    try {
      await publishProgress({ deployment_hash: hash, status: 'in_progress', message: 'after the outage' });
      await waitUntil(() => requeues() >= 1, 'the consumer to fail and requeue');
    } finally {
      await sql`ALTER TABLE deployment_away RENAME TO deployment`.execute(t.app.db);
    }
    await waitUntil(async () => (await status(hash)) === 'in_progress', 'the requeued message to apply');
  });
});

describe.skipIf(skip)('broker connection killed mid-run', () => {
  it('keeps accepting deployments, keeps their events, and publishes them all after the reconnect', async () => {
    const first = await deploy('customerPro', { template: free.slug, name: 'before the cut' });
    await t.app.outbox.runOnce();
    await waitUntil(() => received(first).length === 1, 'the first message');

    proxy.cut();
    await waitUntil(() => t.app.amqp.status() === 'down', 'the app to notice the cut');
    const during = [
      await deploy('customerPro', { template: free.slug, name: 'during 1' }),
      await deploy('customerPro', { template: free.slug, name: 'during 2' }),
    ];
    const pass = await t.app.outbox.runOnce();
    expect(pass.retried).toBeGreaterThanOrEqual(2);
    const waiting = await t.app.db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'last_error'])
      .where('ordering_key', 'in', during)
      .execute();
    expect(waiting).toHaveLength(2);
    for (const row of waiting) {
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/^unavailable/);
    }

    proxy.resume();
    await waitUntil(() => t.app.amqp.status() === 'ok', 'the reconnect');
    await waitUntil(() => consumer?.active() === true, 'the consumer to resubscribe');
    const after = await deploy('customerPro', { template: free.slug, name: 'after the cut' });
    clock.advance(5 * 60_000); // past the first retry pause
    await t.app.outbox.runOnce();
    await waitUntil(
      () => [...during, after].every((h) => received(h).length >= 1),
      'every message after the reconnect',
    );
    const statuses = await t.app.db
      .selectFrom('outbox')
      .select('status')
      .where('ordering_key', 'in', [...during, after])
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['delivered', 'delivered', 'delivered']);

    // Progress flows again on the new connection too.
    await publishProgress({ deployment_hash: after, status: 'completed' });
    await waitUntil(async () => (await status(after)) === 'completed', 'progress after the reconnect');
  });
});

async function queueDepth(): Promise<number> {
  const model = await sideConnection();
  try {
    const channel = await model.createChannel();
    return (await channel.checkQueue(progressQueue)).messageCount;
  } finally {
    await model.close();
  }
}

/** How often a progress handler failed and its message went back to the queue. */
function requeues(): number {
  return logLines.filter((line) => line.includes('requeue') && line.includes(progressQueue)).length;
}
