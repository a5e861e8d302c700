import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { userId } from '../../helpers/auth.js';
import {
  CLEAN_YAML,
  type Created,
  call,
  createDraft,
  createListed,
  decide,
  loadCategories,
  SECRET_YAML,
  submit,
} from '../templates/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await loadCategories(t);
});
afterAll(() => t.close());

const ACTIONS = ['approve', 'reject', 'needs-changes', 'unapprove'] as const;
const REASON = 'Reviewed';

/** A template brought to `status` through HTTP. */
async function inStatus(status: string): Promise<Created> {
  const created = await createDraft(t);
  if (status === 'draft') return created;
  await submit(t, created.id);
  if (status === 'submitted') return created;
  if (status === 'approved') await decide(t, created.id, 'approve');
  if (status === 'rejected') await decide(t, created.id, 'reject', REASON);
  if (status === 'needs_changes') await decide(t, created.id, 'needs-changes', REASON);
  return created;
}

describe('roles', () => {
  it('a vendor cannot approve, a customer cannot see the queue or a draft, anonymous is 401; an admin can', async () => {
    const draft = await inStatus('submitted');
    expect((await decide(t, draft.id, 'approve', undefined, 'vendor')).statusCode).toBe(403);
    expect((await call(t, 'customerFree', 'GET', '/api/admin/templates')).statusCode).toBe(403);
    expect((await call(t, 'customerFree', 'GET', `/api/admin/templates/${draft.id}`)).statusCode).toBe(403);
    expect((await call(t, 'customerFree', 'GET', `/api/templates/${draft.slug}`)).statusCode).toBe(404);
    expect((await call(t, null, 'GET', `/api/admin/templates/${draft.id}`)).statusCode).toBe(401);
    expect((await call(t, 'vendor', 'POST', '/api/admin/categories/sync')).statusCode).toBe(403);
    const detail = await call(t, 'admin', 'GET', `/api/admin/templates/${draft.id}`);
    expect(detail.statusCode).toBe(200);
    expect((await decide(t, draft.id, 'approve')).statusCode).toBe(200);
  });
});

describe('transitions', () => {
  const allowed: Record<string, number> = {
    'submitted approve': 200,
    'submitted reject': 200,
    'submitted needs-changes': 200,
    'approved unapprove': 200,
    'approved reject': 200,
  };
  for (const status of ['draft', 'submitted', 'needs_changes', 'approved', 'rejected']) {
    for (const action of ACTIONS) {
      const expected = allowed[`${status} ${action}`] ?? 409;
      it(`${action} on a ${status} template is ${expected}`, async () => {
        const tpl = await inStatus(status);
        const res = await decide(t, tpl.id, action, REASON);
        expect(res.statusCode).toBe(expected);
        if (expected === 409) {
          expect(res.json()).toMatchObject({ code: 'invalid_transition', current_status: status });
          expect(res.json().detail).toContain(`'${status}'`);
        }
      });
    }
  }

  it('reject and needs-changes need a reason (400 naming it); approve does not', async () => {
    const tpl = await inStatus('submitted');
    for (const action of ['reject', 'needs-changes']) {
      const res = await call(t, 'admin', 'POST', `/api/admin/templates/${tpl.id}/${action}`, {});
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('body.reason');
    }
    const approved = await call(t, 'admin', 'POST', `/api/admin/templates/${tpl.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().item.template).toMatchObject({ status: 'approved' });
  });

  it('lets only one of two concurrent decisions win (the row lock orders them)', async () => {
    // Pairs where whichever runs second finds a state it cannot leave that way.
    const pairs = [
      ['approve', 'needs-changes'],
      ['approve', 'approve'],
      ['needs-changes', 'reject'],
    ] as const;
    for (const [a, b] of [...pairs, ...pairs]) {
      const tpl = await inStatus('submitted');
      const replies = await Promise.all([decide(t, tpl.id, a, 'A'), decide(t, tpl.id, b, 'B')]);
      expect(replies.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const decisions = await t.app.db
        .selectFrom('stack_template_review')
        .select('decision')
        .where('template_id', '=', tpl.id)
        .where('decision', '!=', 'submitted')
        .execute();
      expect(decisions).toHaveLength(1);
    }
  });

  it('unknown ids are 404', async () => {
    expect((await decide(t, '00000000-0000-4000-8000-000000000000', 'approve')).statusCode).toBe(404);
    expect((await call(t, 'admin', 'GET', '/api/admin/templates/nope')).statusCode).toBe(404);
  });
});

describe('a new version of an approved template', () => {
  async function addVersion(id: string, version: string, definition = `${CLEAN_YAML}# ${version}\n`) {
    return call(t, 'vendor', 'POST', `/api/templates/${id}/versions`, {
      version,
      stack_definition: definition,
    });
  }

  it('is reviewed on its own while the approved version stays listed; approving it moves the pointer', async () => {
    const tpl = await createListed(t);
    const before = (await call(t, null, 'GET', `/api/templates/${tpl.slug}`)).json().item.latest_version;
    const added = await addVersion(tpl.id, '2.0.0');
    expect(added.json().item).toMatchObject({ review_status: 'submitted', is_latest: true });

    const listed = await call(t, null, 'GET', `/api/templates/${tpl.slug}`);
    expect(listed.json().item.latest_version).toMatchObject({ id: before.id, version: '1.0.0' });
    const queue = await call(t, 'admin', 'GET', '/api/admin/templates?status=submitted&limit=100');
    expect(
      queue.json().list.find((x: { template: { id: string } }) => x.template.id === tpl.id),
    ).toMatchObject({
      awaiting_review: true,
      template: { status: 'approved' },
      latest_version: { version: '2.0.0', review_status: 'submitted' },
    });

    const approved = await decide(t, tpl.id, 'approve');
    expect(approved.json().item.template).toMatchObject({
      status: 'approved',
      approved_version_id: added.json().item.id,
    });
    const after = await call(t, null, 'GET', `/api/templates/${tpl.slug}`);
    expect(after.json().item.latest_version).toMatchObject({ version: '2.0.0', review_status: 'approved' });
  });

  it('rejecting it keeps the template listed at the approved version', async () => {
    const tpl = await createListed(t);
    await addVersion(tpl.id, '2.0.0');
    const res = await decide(t, tpl.id, 'reject', 'Breaks upgrades');
    expect(res.json().item.template).toMatchObject({ status: 'approved' });
    expect(res.json().item.latest_version).toMatchObject({ version: '2.0.0', review_status: 'rejected' });
    const listed = await call(t, null, 'GET', `/api/templates/${tpl.slug}`);
    expect(listed.json().item.latest_version.version).toBe('1.0.0');
  });

  it('goes through the same checks as a submit (422 secrets_detected)', async () => {
    const tpl = await createListed(t);
    const res = await addVersion(tpl.id, '2.0.0', SECRET_YAML);
    expect(res.json()).toMatchObject({ status: 422, code: 'secrets_detected' });
  });
});

describe('queue and detail', () => {
  it('puts what waits for a decision first, oldest first, and pages by cursor', async () => {
    const fresh = await buildTestApp();
    try {
      const draft = await createDraft(fresh);
      const first = await createDraft(fresh);
      const second = await createDraft(fresh);
      await submit(fresh, first.id);
      await submit(fresh, second.id);
      const all = await call(fresh, 'admin', 'GET', '/api/admin/templates');
      expect(all.json().list.map((x: { template: { id: string } }) => x.template.id)).toEqual([
        first.id,
        second.id,
        draft.id,
      ]);
      const page1 = await call(fresh, 'admin', 'GET', '/api/admin/templates?limit=2');
      const page2 = await call(
        fresh,
        'admin',
        'GET',
        `/api/admin/templates?limit=2&cursor=${page1.json().meta.next_cursor}`,
      );
      expect(page2.json().list.map((x: { template: { id: string } }) => x.template.id)).toEqual([draft.id]);
      const drafts = await call(fresh, 'admin', 'GET', '/api/admin/templates?status=draft');
      expect(drafts.json().list.map((x: { awaiting_review: boolean }) => x.awaiting_review)).toEqual([false]);
    } finally {
      await fresh.close();
    }
  });

  it('shows every version with its review status and every review', async () => {
    const tpl = await inStatus('needs_changes');
    await call(t, 'vendor', 'POST', `/api/templates/${tpl.id}/versions`, {
      version: '1.0.1',
      stack_definition: CLEAN_YAML,
    });
    const res = await call(t, 'admin', 'GET', `/api/admin/templates/${tpl.id}`);
    const item = res.json().item;
    expect(item.template.status).toBe('needs_changes');
    expect(
      item.versions.map((v: { version: string; review_status: string }) => [v.version, v.review_status]),
    ).toEqual([
      ['1.0.1', 'draft'],
      ['1.0.0', 'draft'],
    ]);
    expect(
      item.reviews.map((r: { decision: string; reviewer_user_id: string }) => [
        r.decision,
        r.reviewer_user_id,
      ]),
    ).toEqual([
      ['submitted', userId('vendor')],
      ['needs_changes', userId('admin')],
    ]);
  });
});
