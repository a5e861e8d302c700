import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { OUTBOX_TOPICS } from '../../../src/infra/outbox/outbox-writer.js';
import type { DeliveryOutcome } from '../../../src/infra/outbox/sender.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { marketplaceEvent, outboxRow, RecordingSender, writeEvents } from '../../infra/outbox/harness.js';

let t: TestApp;
let clock: ManualClock;
let outcomes: Map<string, DeliveryOutcome>;

beforeAll(async () => {
  clock = new ManualClock(new Date());
  t = await buildTestApp({ clock });
  // Install events are the other topic of the outbox; here a stand-in peer answers as each test says.
  t.app.outbox.registerSender(
    OUTBOX_TOPICS.installStart,
    new RecordingSender((e) => outcomes.get(e.id) ?? { kind: 'delivered', status: 200 }),
  );
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.database.db.deleteFrom('outbox').execute();
  outcomes = new Map();
});

const install = (key: string, sequence: number) =>
  marketplaceEvent(key, sequence, {
    topic: OUTBOX_TOPICS.installStart,
    payload: { deployment_hash: key },
    secretPayload: { cloud_token: 'do-not-show-me' },
  });

const write = (...events: Parameters<typeof install>[]) =>
  writeEvents(
    t.database.db,
    t.app.secretBox,
    events.map(([key, seq]) => install(key, seq)),
  );

const get = (url: string, user: Parameters<typeof bearer>[0] = 'admin') =>
  t.app.inject({ method: 'GET', url, headers: bearer(user) });
const post = (url: string, user: Parameters<typeof bearer>[0] = 'admin') =>
  t.app.inject({ method: 'POST', url, headers: bearer(user) });

async function makeDead(key: string): Promise<string> {
  const [id] = await write([key, 1]);
  outcomes.set(id!, { kind: 'dead', status: 400, error: 'HTTP 400: {"error":"invalid_body"}' });
  await t.app.outbox.runOnce();
  return id!;
}

describe('GET /api/admin/outbox', () => {
  it('lists deliveries oldest first with attempts and replies, the sealed part as "***"', async () => {
    const dead = await makeDead('dep-1');
    const [pending] = await write(['dep-2', 1]);
    const res = await get('/api/admin/outbox');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('do-not-show-me');
    const body = res.json();
    expect(body.list.map((e: { id: string }) => e.id)).toEqual([dead, pending]);
    expect(body.list[0]).toMatchObject({
      status: 'dead',
      attempts: 1,
      last_status: 400,
      last_error: 'HTTP 400: {"error":"invalid_body"}',
      payload: { deployment_hash: 'dep-1' },
      secret_payload: '***',
    });
    expect(body.meta).toEqual({ next_cursor: null });
  });

  it('filters by status', async () => {
    const dead = await makeDead('dep-f');
    await write(['dep-g', 1]);
    const res = await get('/api/admin/outbox?status=dead');
    expect(res.json().list.map((e: { id: string }) => e.id)).toEqual([dead]);
    expect((await get('/api/admin/outbox?status=delivered')).json().list).toEqual([]);
  });

  it('pages with an opaque cursor, never repeating or skipping a row', async () => {
    const ids = await write(['p1', 1], ['p2', 1], ['p3', 1], ['p4', 1], ['p5', 1]);
    const seen: string[] = [];
    let url = '/api/admin/outbox?limit=2';
    for (;;) {
      const body = (await get(url)).json();
      seen.push(...body.list.map((e: { id: string }) => e.id));
      if (!body.meta.next_cursor) break;
      url = `/api/admin/outbox?limit=2&cursor=${encodeURIComponent(body.meta.next_cursor)}`;
    }
    expect(seen).toEqual(ids);
  });

  it('refuses a cursor it did not issue and an unknown status', async () => {
    expect((await get('/api/admin/outbox?cursor=garbage')).json()).toMatchObject({ code: 'invalid_cursor' });
    expect((await get('/api/admin/outbox?status=lost')).statusCode).toBe(400);
  });

  it('is for admins only', async () => {
    expect((await get('/api/admin/outbox', 'vendor')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/outbox' })).statusCode).toBe(401);
    expect(
      (await post('/api/admin/outbox/00000000-0000-4000-8000-000000000000/retry', 'customerPro')).statusCode,
    ).toBe(403);
  });
});

describe('POST /api/admin/outbox/:id/retry', () => {
  it('puts a dead delivery back in line with a fresh schedule; the relay then delivers it', async () => {
    const id = await makeDead('dep-r');
    outcomes.delete(id);
    const res = await post(`/api/admin/outbox/${id}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ item: { id, status: 'pending', attempts: 0, secret_payload: '***' } });
    expect(await t.app.outbox.runOnce()).toMatchObject({ delivered: 1 });
    expect(await outboxRow(t.database.db, id)).toMatchObject({ status: 'delivered', attempts: 1 });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'outbox.retried', actor_type: 'user', actor_id: userId('admin') });
  });

  it('refuses what is not dead (409 naming the state) and what does not exist (404)', async () => {
    const [id] = await write(['dep-p', 1]);
    const res = await post(`/api/admin/outbox/${id}/retry`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'invalid_transition', current_status: 'pending' });
    expect((await post('/api/admin/outbox/00000000-0000-4000-8000-000000000000/retry')).statusCode).toBe(404);
    expect((await post('/api/admin/outbox/not-a-uuid/retry')).statusCode).toBe(400);
  });
});

describe('POST /api/admin/outbox/:id/discard', () => {
  it('gives a dead delivery up, which lets the later events of its key go', async () => {
    const dead = await makeDead('dep-d');
    const [next] = await write(['dep-d', 2]);
    expect(await t.app.outbox.runOnce()).toMatchObject({ claimed: 0 });

    const res = await post(`/api/admin/outbox/${dead}/discard`);
    expect(res.statusCode).toBe(200);
    expect(res.json().item).toMatchObject({ id: dead, status: 'discarded' });
    expect(await t.app.outbox.runOnce()).toMatchObject({ delivered: 1 });
    expect(await outboxRow(t.database.db, next!)).toMatchObject({ status: 'delivered' });
  });

  it('gives up a waiting event, but not one being delivered right now or already delivered', async () => {
    const [waiting, leased] = await write(['dep-w', 1], ['dep-l', 1]);
    expect((await post(`/api/admin/outbox/${waiting}/discard`)).json().item.status).toBe('discarded');

    await t.database.db
      .updateTable('outbox')
      .set({ locked_by: 'another-instance', locked_until: new Date(clock.now().getTime() + 60_000) })
      .where('id', '=', leased!)
      .execute();
    const busy = await post(`/api/admin/outbox/${leased}/discard`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ code: 'delivery_in_progress', current_status: 'pending' });

    clock.advance(60_001);
    await t.app.outbox.runOnce();
    const done = await post(`/api/admin/outbox/${leased}/discard`);
    expect(done.json()).toMatchObject({ code: 'invalid_transition', current_status: 'delivered' });
  });
});
