import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { listedTemplate, UNLIMITED_DEPLOYS_ENV } from '../../helpers/templates.js';

// The gate over HTTP, against the real User Service emulator: each refusal with its exact body, and the
// purchase that turns a 402 into a 201.

let t: TestApp;

beforeAll(async () => {
  // Fault tests below fail calls on purpose; the breaker must not stay open for the tests after them.
  t = await buildTestApp({
    env: UNLIMITED_DEPLOYS_ENV,
    userServiceClient: { breaker: { failureThreshold: 1_000 } },
  });
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  t.userService.state.setLatency(0);
});

const deploy = (user: Parameters<typeof bearer>[0], template: string, extra: Record<string, unknown> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: bearer(user),
    payload: { template, name: 'my stack', ...extra },
  });

const deploymentsOf = async (user: Parameters<typeof userId>[0]) =>
  t.app.db.selectFrom('deployment').select('deployment_hash').where('user_id', '=', userId(user)).execute();

describe('ownership gate over HTTP', () => {
  it('deploys a free template for anyone (201, pending, a deployment_ hash)', async () => {
    const template = await listedTemplate(t);
    const res = await deploy('customerFree', template.slug);
    expect(res.statusCode).toBe(201);
    const { item } = res.json();
    expect(item.deployment.status).toBe('pending');
    expect(item.deployment.deployment_hash).toMatch(/^deployment_[0-9a-f-]{36}$/);
    expect(item.project).toMatchObject({
      name: 'my stack',
      user_id: userId('customerFree'),
      template_id: template.id,
    });
  });

  it('refuses a paid template with 402, the price, currency, product id and the exact message, until bought', async () => {
    const template = await listedTemplate(t, { price: 99.99 });
    const product = t.userService.state.store.productByExternalId(template.id)!;
    const before = (await deploymentsOf('customerPro')).length;

    const refused = await deploy('customerPro', template.id);
    expect(refused.statusCode).toBe(402);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      status: 402,
      code: 'template_not_purchased',
      detail:
        'This verified pro stack requires purchase. Price: $99.99. Please purchase it in the marketplace.',
      message:
        'This verified pro stack requires purchase. Price: $99.99. Please purchase it in the marketplace.',
      price: 99.99,
      currency: 'USD',
      product_id: String(product._id),
    });
    expect(await deploymentsOf('customerPro')).toHaveLength(before);

    const bought = await fetch(`${t.userService.url}/dev/purchases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: userId('customerPro'), external_id: template.id }),
    });
    expect(bought.status).toBe(201);
    // The profile cached by authentication has no purchase: the gate's one re-fetch finds it.
    const accepted = await deploy('customerPro', template.id);
    expect(accepted.statusCode).toBe(201);
    expect(await deploymentsOf('customerPro')).toHaveLength(before + 1);
  });

  it('lets the creator deploy their own paid template without buying it', async () => {
    const template = await listedTemplate(t, { price: 25 });
    expect((await deploy('vendor', template.slug)).statusCode).toBe(201);
  });

  it('refuses a plan-gated template with 403 plan_required naming the plan, for the free customer only', async () => {
    const template = await listedTemplate(t, { requiredPlan: 'pro' });
    const refused = await deploy('customerFree', template.slug);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'plan_required', required_plan: 'pro' });
    expect(refused.json().detail).toContain("'pro'");
    // plan-pro-monthly is `pro` through PLAN_ALIASES.
    expect((await deploy('customerPro', template.slug)).statusCode).toBe(201);
  });

  it('answers 503 ownership_check_unavailable for a priced template whose product does not exist yet', async () => {
    const template = await listedTemplate(t, { price: 10, syncProduct: false });
    const res = await deploy('customerPro', template.slug);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ code: 'ownership_check_unavailable' });
  });

  it('answers 503 ownership_check_unavailable when the User Service fails the product lookup', async () => {
    const template = await listedTemplate(t, { price: 10 });
    // Authenticate first, so only the gate's own call meets the fault.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('customerFree') })).statusCode,
    ).toBe(200);
    // A 500 is not retried by the client: one failed call is the whole lookup.
    t.userService.state.failNext(1, 500, { path: '/api/1.0/products' });
    const res = await deploy('customerFree', template.slug);
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('ownership_check_unavailable');
  });

  it('answers 503 when the re-fetch of /me fails before a refusal (never 402 on an outage)', async () => {
    const template = await listedTemplate(t, { price: 10 });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('customerFree') })).statusCode,
    ).toBe(200);
    // Warm the product cache, then break /me.
    expect((await deploy('customerFree', template.slug)).statusCode).toBe(402);
    // A 503 is retried twice by the client: three failed calls are one failed re-fetch.
    t.userService.state.failNext(3, 503, { path: '/oauth_server/api/me' });
    const res = await deploy('customerFree', template.slug);
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('ownership_check_unavailable');
  });

  it('answers 404 for a product the User Service deactivated', async () => {
    const template = await listedTemplate(t, { price: 10 });
    t.userService.state.store.productByExternalId(template.id)!.is_active = false;
    const res = await deploy('customerPro', template.slug);
    expect(res.statusCode).toBe(404);
  });
});
