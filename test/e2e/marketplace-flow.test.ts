import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_SERVICE_TOKEN, DEV_TOKENS, DEV_USER_IDS } from '../../dev/user-service/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { waitUntil } from '../helpers/wait.js';
import { call, createDraft, submit } from '../modules/templates/helpers.js';

// The whole marketplace flow with the real relay loop running (background jobs on): vendor submits,
// admin approves → webhook through the outbox → product in the User Service → purchase → the
// customer's profile lists it; unapproving deactivates it.

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ backgroundJobs: true });
});
afterAll(async () => {
  await t.close();
});

async function userService(path: string, token: string, init: RequestInit = {}) {
  const res = await fetch(`${t.userService.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const productOf = (id: string) => t.userService.state.store.productByExternalId(id);

describe('marketplace flow end to end', () => {
  it('approve → product → purchase → owned; unapprove → product inactive', async () => {
    const draft = await createDraft(t, 'vendor', {
      listing: { price: 99.99, billing_cycle: 'one_time', currency: 'USD' },
    });
    expect((await submit(t, draft.id)).statusCode).toBe(200);
    expect((await call(t, 'admin', 'POST', `/api/admin/templates/${draft.id}/approve`, {})).statusCode).toBe(
      200,
    );

    // No pass is run by hand: the NOTIFY of the approval wakes this instance's relay.
    await waitUntil(() => productOf(draft.id)?.is_active === true, { timeout: 5_000 });
    const where = encodeURIComponent(JSON.stringify({ external_id: draft.id }));
    const listed = await userService(`/api/1.0/products?where=${where}`, DEV_SERVICE_TOKEN);
    expect(JSON.stringify(listed.body)).toContain(draft.id);
    expect(productOf(draft.id)).toMatchObject({ price: 99.99, code: draft.slug, vendor_user_id: '2' });
    await waitUntil(async () => {
      const row = await t.database.db
        .selectFrom('stack_template')
        .select('user_service_product_id')
        .where('id', '=', draft.id)
        .executeTakeFirstOrThrow();
      return row.user_service_product_id === String(productOf(draft.id)?._id);
    });

    const before = await userService('/oauth_server/api/me', DEV_TOKENS.customerPro);
    expect(JSON.stringify(before.body)).not.toContain(draft.id);
    const purchase = await fetch(`${t.userService.url}/dev/purchases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: DEV_USER_IDS.customerPro, external_id: draft.id }),
    });
    expect(purchase.status).toBe(201);
    const me = await userService('/oauth_server/api/me', DEV_TOKENS.customerPro);
    expect(JSON.stringify(me.body)).toContain(draft.id);

    const unapproved = await call(t, 'admin', 'POST', `/api/admin/templates/${draft.id}/unapprove`, {
      reason: 'pulled for review',
    });
    expect(unapproved.statusCode).toBe(200);
    await waitUntil(() => productOf(draft.id)?.is_active === false, { timeout: 5_000 });
    const dead = await call(t, 'admin', 'GET', '/api/admin/outbox?status=dead');
    expect(dead.json().list).toEqual([]);
  });
});
