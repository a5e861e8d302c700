import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncBodySchema } from '../../../dev/user-service/index.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { userId } from '../../helpers/auth.js';
import {
  CLEAN_YAML,
  call,
  createDraft,
  createListed,
  decide,
  loadCategories,
  outboxRows,
  submit,
} from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await loadCategories(t);
});
afterAll(() => t.close());

const FULL_KEYS = [
  'action',
  'billing_cycle',
  'category',
  'category_code',
  'code',
  'currency',
  'description',
  'event_id',
  'external_id',
  'name',
  'occurred_at',
  'price',
  'required_plan_name',
  'sequence',
  'stack_template_id',
  'vendor_name',
  'vendor_user_id',
];

describe('marketplace events in the outbox', () => {
  it('approve writes template_approved with the full body, keyed and sequenced by template', async () => {
    const tpl = await createListed(t, {
      category_code: 'databases',
      required_plan_name: 'pro',
      listing: { price: 12.5, billing_cycle: 'one_time', currency: 'EUR' },
    });
    const rows = await outboxRows(t, tpl.id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ topic: 'user_service.marketplace_sync', ordering_key: tpl.id, sequence: 1 });
    expect(Object.keys(row!.payload).sort()).toEqual(FULL_KEYS);
    expect(row!.payload).toMatchObject({
      action: 'template_approved',
      event_id: row!.id,
      sequence: 1,
      stack_template_id: tpl.id,
      external_id: tpl.id,
      code: tpl.slug,
      name: `Template ${tpl.slug}`,
      description: 'A blog with a database',
      category_code: 'databases',
      category: 'databases',
      price: 12.5,
      billing_cycle: 'one_time',
      currency: 'EUR',
      required_plan_name: 'pro',
      vendor_user_id: userId('vendor'),
      vendor_name: 'Vera Vendor',
    });
    expect(new Date(row!.payload.occurred_at as string).toISOString()).toBe(row!.payload.occurred_at);
    expect(syncBodySchema.safeParse(row!.payload).success).toBe(true);
  });

  it('a live edit sends template_updated with the new values; an edit that changes nothing sends nothing', async () => {
    const tpl = await createListed(t);
    await call(t, 'vendor', 'PUT', `/api/templates/${tpl.id}`, {
      name: 'Better name',
      listing: { price: 5, billing_cycle: 'monthly', currency: 'USD' },
    });
    await call(t, 'vendor', 'PUT', `/api/templates/${tpl.id}`, { name: 'Better name' });
    const rows = await outboxRows(t, tpl.id);
    expect(rows.map((r) => [r.sequence, r.payload.action])).toEqual([
      [1, 'template_approved'],
      [2, 'template_updated'],
    ]);
    expect(rows[1]!.payload).toMatchObject({
      name: 'Better name',
      price: 5,
      billing_cycle: 'monthly',
      sequence: 2,
    });
  });

  it('approving a new version sends template_updated', async () => {
    const tpl = await createListed(t);
    await call(t, 'vendor', 'POST', `/api/templates/${tpl.id}/versions`, {
      version: '2.0.0',
      stack_definition: CLEAN_YAML,
    });
    await decide(t, tpl.id, 'approve');
    const actions = (await outboxRows(t, tpl.id)).map((r) => r.payload.action);
    expect(actions).toEqual(['template_approved', 'template_updated']);
  });

  it('unapprove and reject of a listed template send template_rejected with the short body', async () => {
    const tpl = await createListed(t);
    await decide(t, tpl.id, 'unapprove', 'Broken image');
    await decide(t, tpl.id, 'approve');
    await decide(t, tpl.id, 'reject', 'Abandoned');
    const rows = await outboxRows(t, tpl.id);
    expect(rows.map((r) => [r.sequence, r.payload.action])).toEqual([
      [1, 'template_approved'],
      [2, 'template_rejected'],
      [3, 'template_approved'],
      [4, 'template_rejected'],
    ]);
    expect(Object.keys(rows[3]!.payload).sort()).toEqual([
      'action',
      'event_id',
      'external_id',
      'occurred_at',
      'sequence',
      'stack_template_id',
    ]);
    expect(rows[3]!.payload).toMatchObject({ event_id: rows[3]!.id, external_id: tpl.id, sequence: 4 });
  });

  it('sends nothing for templates that were never listed, nor for refused moves', async () => {
    const tpl = await createDraft(t);
    await call(t, 'vendor', 'PUT', `/api/templates/${tpl.id}`, { name: 'Draft edit' });
    await submit(t, tpl.id);
    await decide(t, tpl.id, 'needs-changes', 'More docs');
    await submit(t, tpl.id);
    await decide(t, tpl.id, 'reject', 'No');
    expect((await decide(t, tpl.id, 'unapprove', 'x')).statusCode).toBe(409);
    expect(await outboxRows(t, tpl.id)).toEqual([]);
    const row = await t.app.db
      .selectFrom('stack_template')
      .select('event_sequence')
      .where('id', '=', tpl.id)
      .executeTakeFirst();
    expect(row?.event_sequence).toBe(0);
  });
});
