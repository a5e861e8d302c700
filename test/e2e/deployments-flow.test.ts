import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_TOKENS, DEV_USER_IDS } from '../../dev/user-service/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BROKER_URL, probeBroker, sideConnection, type Tap, tap } from '../helpers/broker.js';
import { TEST_AMQP_NAMES } from '../helpers/config.js';
import { STACK_YAML, UNLIMITED_DEPLOYS_ENV, uniqueTemplateSlug } from '../helpers/templates.js';
import { waitUntil } from '../helpers/wait.js';

// The "Done when", over real HTTP with the emulator and RabbitMQ and every background job on
// (the outbox relay delivers by itself, the progress consumer listens on the contract's queue):
// a free template deploys and its message reaches the `install` exchange; a paid one is refused 402
// until the purchase, then deploys; a plan-gated one is refused 403 for the free customer; a
// `completed` progress message makes GET say completed.

const { skip } = await probeBroker('deployments end to end');
let t: TestApp;
let base: string;
let installs: Tap;

beforeAll(async () => {
  if (skip) return;
  t = await buildTestApp({ backgroundJobs: true, env: { ...UNLIMITED_DEPLOYS_ENV, AMQP_URL: BROKER_URL } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  await waitUntil(() => t.app.amqp.status() === 'ok', 'the broker connection');
  installs = await tap(TEST_AMQP_NAMES.installExchange, 'install.start.*.all.all');
});
afterAll(async () => {
  await installs?.close();
  await t?.close();
});

type Who = keyof typeof DEV_TOKENS;

/** The parts of the replies this test reads. */
interface Reply {
  code?: string;
  item?: { template: { id: string }; deployment: { deployment_hash: string }; status: string };
  [member: string]: unknown;
}

async function api(who: Who, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${DEV_TOKENS[who]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Reply };
}

/** Vendor creates and submits, admin approves; the relay then creates the product at the User Service. */
async function publish(listing: { price: number; billing_cycle: string }, requiredPlan?: string) {
  const slug = uniqueTemplateSlug('e2e');
  const created = await api('vendor', 'POST', '/api/templates', {
    name: `E2E ${slug}`,
    slug,
    version: '1.0.0',
    stack_definition: STACK_YAML,
    required_plan_name: requiredPlan ?? null,
    listing: { ...listing, currency: 'USD' },
  });
  expect(created.status).toBe(201);
  const id = created.body.item!.template.id;
  expect(
    (await api('vendor', 'POST', `/api/templates/${id}/submit`, { confirm_no_secrets: true })).status,
  ).toBe(200);
  expect((await api('admin', 'POST', `/api/admin/templates/${id}/approve`, {})).status).toBe(200);
  await waitUntil(() => t.userService.state.store.productByExternalId(id)?.is_active === true, 'the product');
  return { id, slug };
}

const messagesFor = (hash: string) => installs.messages.filter((m) => m.properties.correlationId === hash);

describe.skipIf(skip)('deployments end to end', () => {
  it('free deploys, paid needs the purchase, plan-gated needs the plan, progress completes it', async () => {
    const free = await publish({ price: 0, billing_cycle: 'free' });
    const paid = await publish({ price: 99.99, billing_cycle: 'one_time' });
    const gated = await publish({ price: 0, billing_cycle: 'free' }, 'pro');

    // Free: 201 and, without any pass run by hand, the message with the hash on `install`.
    const ok = await api('customerFree', 'POST', '/api/v1/deployments', {
      template: free.slug,
      name: 'blog',
    });
    expect(ok.status).toBe(201);
    const hash = ok.body.item!.deployment.deployment_hash;
    await waitUntil(() => messagesFor(hash).length === 1, 'the install message');
    expect(JSON.parse(messagesFor(hash)[0]!.content.toString()).deployment_hash).toBe(hash);

    // Paid: 402 with the contract's message, then the purchase at the User Service, then 201.
    const refused = await api('customerFree', 'POST', '/api/v1/deployments', {
      template: paid.id,
      name: 'shop',
    });
    expect(refused.status).toBe(402);
    expect(refused.body).toMatchObject({
      code: 'template_not_purchased',
      message:
        'This verified pro stack requires purchase. Price: $99.99. Please purchase it in the marketplace.',
      price: 99.99,
      currency: 'USD',
    });
    const purchase = await fetch(`${t.userService.url}/dev/purchases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: DEV_USER_IDS.customerFree, external_id: paid.id }),
    });
    expect(purchase.status).toBe(201);
    const bought = await api('customerFree', 'POST', '/api/v1/deployments', {
      template: paid.id,
      name: 'shop',
    });
    expect(bought.status).toBe(201);
    const paidHash = bought.body.item!.deployment.deployment_hash;
    await waitUntil(() => messagesFor(paidHash).length === 1, 'the paid install message');

    // Plan-gated: 403 for the free customer, 201 for the pro one.
    const gatedFree = await api('customerFree', 'POST', '/api/v1/deployments', {
      template: gated.slug,
      name: 'ai',
    });
    expect(gatedFree.status).toBe(403);
    expect(gatedFree.body).toMatchObject({ code: 'plan_required', required_plan: 'pro' });
    expect(
      (await api('customerPro', 'POST', '/api/v1/deployments', { template: gated.slug, name: 'ai' })).status,
    ).toBe(201);

    // Progress from the Install Service, on the contract's exchange and routing key.
    const model = await sideConnection();
    try {
      const channel = await model.createConfirmChannel();
      channel.publish(
        TEST_AMQP_NAMES.progressExchange,
        'install.progress.tfa.all.all',
        Buffer.from(JSON.stringify({ deployment_hash: hash, status: 'complete', message: 'Stack is up' })),
        { persistent: true, contentType: 'application/json', messageId: randomUUID() },
      );
      await channel.waitForConfirms();
    } finally {
      await model.close();
    }
    await waitUntil(
      async () =>
        (await api('customerFree', 'GET', `/api/v1/deployments/${hash}`)).body.item?.status === 'completed',
      'completed',
    );
    const done = await api('customerFree', 'GET', `/api/v1/deployments/${hash}`);
    expect(done.body.item).toMatchObject({ status: 'completed', status_message: 'Stack is up' });
  });
});
