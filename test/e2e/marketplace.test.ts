import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncBodySchema } from '../../dev/user-service/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { bearer, type DevUser, userId } from '../helpers/auth.js';

// The marketplace end to end, over real HTTP with the emulator's tokens: a vendor publishes, an admin
// reviews, the public catalog follows, and the outbox holds the User Service's events in order.

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

async function http(user: DevUser | null, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(user ? bearer(user) : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    type: res.headers.get('content-type'),
  };
}

const LEAKY = `services:
  ghost:
    image: ghost:5
    environment:
      database__connection__password: hunter2-hunter2
`;
const CLEAN = `services:
  ghost:
    image: ghost:5
    environment:
      database__connection__password: \${DB_PASSWORD}
      url: https://blog.example.com
`;

describe('marketplace, end to end', () => {
  it('goes from a vendor draft to the public catalog and back out, with the events in order', async () => {
    const sync = await http('admin', 'POST', '/api/admin/categories/sync');
    expect(sync.status).toBe(200);

    // The vendor creates a draft (the CLI's flat listing), versions it, and submits.
    const created = await http('vendor', 'POST', '/api/templates', {
      name: 'Ghost',
      slug: 'ghost-e2e',
      short_description: 'Publishing for teams',
      category_code: 'web',
      tags: ['blog', 'cms'],
      version: '1.0.0',
      stack_definition: LEAKY,
      plan_type: 'one_time',
      price: 19,
      currency: 'USD',
    });
    expect(created.status).toBe(201);
    const id: string = created.body.item.template.id;
    const refused = await http('vendor', 'POST', `/api/templates/${id}/submit`, { confirm_no_secrets: true });
    expect(refused.status).toBe(422);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'secrets_detected',
      keys: ['services.ghost.environment.database__connection__password'],
    });
    const versioned = await http('vendor', 'POST', `/api/templates/${id}/versions`, {
      version: '1.1.0',
      stack_definition: CLEAN,
      changelog: 'Password from a variable',
    });
    expect(versioned.status).toBe(201);
    expect(
      (await http('vendor', 'POST', `/api/templates/${id}/submit`, { confirm_no_secrets: true })).status,
    ).toBe(200);

    // Not public while in review.
    expect((await http('customerFree', 'GET', '/api/templates/ghost-e2e')).status).toBe(404);

    // The admin asks for changes; the vendor edits and resubmits; the admin approves.
    expect((await http('vendor', 'POST', `/api/admin/templates/${id}/approve`, {})).status).toBe(403);
    const changes = await http('admin', 'POST', `/api/admin/templates/${id}/needs-changes`, {
      reason: 'Say what Ghost is',
    });
    expect(changes.body.item.template.status).toBe('needs_changes');
    expect(
      (
        await http('vendor', 'PUT', `/api/templates/${id}`, {
          long_description: 'Ghost is a publishing platform.',
        })
      ).status,
    ).toBe(200);
    expect(
      (await http('vendor', 'POST', `/api/templates/${id}/submit`, { confirm_no_secrets: true })).status,
    ).toBe(200);
    const approved = await http('admin', 'POST', `/api/admin/templates/${id}/approve`, {
      reason: 'Looks good',
    });
    expect(approved.body.item.template).toMatchObject({
      status: 'approved',
      approved_version_id: versioned.body.item.id,
    });

    // Public: in the list (and the CLI's list) and in the detail at the approved version, redacted.
    const listed = await http(null, 'GET', '/api/templates?q=publishing');
    expect(listed.body.list.map((x: { id: string }) => x.id)).toEqual([id]);
    const cli = await http(null, 'GET', '/api/v1/marketplace/applications?category=web');
    expect(cli.body.list.map((x: { slug: string }) => x.slug)).toEqual(['ghost-e2e']);
    const detail = await http('customerFree', 'GET', '/api/templates/ghost-e2e');
    expect(detail.status).toBe(200);
    expect(detail.body.item.latest_version).toMatchObject({ version: '1.1.0', review_status: 'approved' });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a compose variable reference, not a JS placeholder
    expect(detail.body.item.latest_version.stack_definition).toContain('${DB_PASSWORD}');
    expect(JSON.stringify(detail.body)).not.toContain('hunter2');

    // The vendor edits it live; the admin rejects it; it disappears.
    const live = await http('vendor', 'PUT', `/api/templates/${id}`, {
      name: 'Ghost Pro',
      price: 29,
      plan_type: 'one_time',
    });
    expect(live.body.item.template).toMatchObject({ name: 'Ghost Pro', status: 'approved' });
    expect((await http(null, 'GET', '/api/templates/ghost-e2e')).body.item.template.name).toBe('Ghost Pro');
    const rejected = await http('admin', 'POST', `/api/admin/templates/${id}/reject`, {
      reason: 'Licence problem',
    });
    expect(rejected.body.item.template.status).toBe('rejected');
    expect((await http(null, 'GET', '/api/templates')).body.list).toEqual([]);
    expect((await http(null, 'GET', '/api/templates/ghost-e2e')).status).toBe(404);

    // The review history, as the vendor sees it.
    const history = await http('vendor', 'GET', `/api/templates/${id}/reviews`);
    expect(history.body.list.map((r: { decision: string }) => r.decision)).toEqual([
      'submitted',
      'needs_changes',
      'submitted',
      'approved',
      'rejected',
    ]);

    // The outbox: approved, updated, rejected — in order, keyed by the template, with the contract's body.
    const rows = await t.app.db
      .selectFrom('outbox')
      .select(['id', 'topic', 'ordering_key', 'sequence', 'payload', 'status'])
      .orderBy('sequence')
      .execute();
    expect(rows.map((r) => [r.sequence, r.payload.action])).toEqual([
      [1, 'template_approved'],
      [2, 'template_updated'],
      [3, 'template_rejected'],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        topic: 'user_service.marketplace_sync',
        ordering_key: id,
        status: 'pending',
      });
      expect(row.payload).toMatchObject({
        event_id: row.id,
        sequence: row.sequence,
        stack_template_id: id,
        external_id: id,
      });
      expect(syncBodySchema.safeParse(row.payload).success).toBe(true);
    }
    const common = {
      code: 'ghost-e2e',
      description: 'Publishing for teams',
      category_code: 'web',
      category: 'web',
      billing_cycle: 'one_time',
      currency: 'USD',
      required_plan_name: null,
      vendor_user_id: userId('vendor'),
      vendor_name: 'Vera Vendor',
    };
    expect(rows[0]!.payload).toMatchObject({ ...common, name: 'Ghost', price: 19 });
    expect(rows[1]!.payload).toMatchObject({ ...common, name: 'Ghost Pro', price: 29 });
    expect(Object.keys(rows[2]!.payload).sort()).toEqual([
      'action',
      'event_id',
      'external_id',
      'occurred_at',
      'sequence',
      'stack_template_id',
    ]);
  });
});
