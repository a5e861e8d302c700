import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { userId } from '../../helpers/auth.js';
import {
  CLEAN_YAML,
  call,
  createDraft,
  decide,
  loadCategories,
  SECRET_YAML,
  submit,
  uniqueSlug,
} from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await loadCategories(t);
});
afterAll(() => t.close());

describe('only the creator may touch a template', () => {
  it('is 404 for another vendor on every vendor route, and for unknown or malformed ids', async () => {
    const theirs = await createDraft(t, 'customerPro');
    for (const id of [theirs.id, randomUUID(), 'not-a-uuid']) {
      const replies = await Promise.all([
        call(t, 'vendor', 'PUT', `/api/templates/${id}`, { name: 'Taken over' }),
        call(t, 'vendor', 'POST', `/api/templates/${id}/versions`, {
          version: '9.0.0',
          stack_definition: CLEAN_YAML,
        }),
        call(t, 'vendor', 'POST', `/api/templates/${id}/submit`, { confirm_no_secrets: true }),
        call(t, 'vendor', 'GET', `/api/templates/${id}/reviews`),
      ]);
      for (const reply of replies) expect(reply.json()).toMatchObject({ status: 404, code: 'not_found' });
    }
    const row = await t.app.db
      .selectFrom('stack_template')
      .select(['name', 'status'])
      .where('id', '=', theirs.id)
      .executeTakeFirst();
    expect(row).toEqual({ name: `Template ${theirs.slug}`, status: 'draft' });
  });

  it('is 404 before 409: a submitted template of someone else does not reveal its state', async () => {
    const theirs = await createDraft(t, 'customerPro');
    expect((await submit(t, theirs.id, 'customerPro')).statusCode).toBe(200);
    const res = await call(t, 'vendor', 'PUT', `/api/templates/${theirs.id}`, { name: 'x' });
    expect(res.statusCode).toBe(404);
  });
});

describe('PUT /api/templates/:id', () => {
  it('edits metadata and listing; null leaves a field as it is, an empty string clears it', async () => {
    const mine = await createDraft(t, 'vendor', { long_description: 'Long text', category_code: 'web' });
    const res = await call(t, 'vendor', 'PUT', `/api/templates/${mine.id}`, {
      name: 'New name',
      short_description: null,
      long_description: '',
      category_code: 'databases',
      tags: ['db'],
      listing: { price: 3, billing_cycle: 'monthly', currency: 'GBP' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().item.template).toMatchObject({
      name: 'New name',
      short_description: 'A blog with a database',
      long_description: null,
      category_code: 'databases',
      tags: ['db'],
      listing: { price: 3, billing_cycle: 'monthly', currency: 'GBP' },
    });
  });

  it('is 409 template_not_editable while submitted, and 400 for an unknown category', async () => {
    const mine = await createDraft(t);
    const unknown = await call(t, 'vendor', 'PUT', `/api/templates/${mine.id}`, { category_code: 'nope' });
    expect(unknown.json()).toMatchObject({ status: 400, code: 'unknown_category' });
    await submit(t, mine.id);
    const res = await call(t, 'vendor', 'PUT', `/api/templates/${mine.id}`, { name: 'During review' });
    expect(res.json()).toMatchObject({
      status: 409,
      code: 'template_not_editable',
      current_status: 'submitted',
    });
  });

  it('maps a slug change onto a taken slug to slug_taken, and writes nothing else of the edit', async () => {
    const mine = await createDraft(t);
    const theirs = await createDraft(t, 'customerPro');
    const res = await call(t, 'vendor', 'PUT', `/api/templates/${mine.id}`, {
      slug: theirs.slug,
      name: 'Half',
    });
    expect(res.json()).toMatchObject({ status: 409, code: 'slug_taken' });
    const row = await t.app.db
      .selectFrom('stack_template')
      .select(['slug', 'name'])
      .where('id', '=', mine.id)
      .executeTakeFirst();
    expect(row).toEqual({ slug: mine.slug, name: `Template ${mine.slug}` });
  });
});

describe('POST /api/templates/:id/versions', () => {
  it('adds the new latest version; a used version number is 409 version_exists', async () => {
    const mine = await createDraft(t);
    const res = await call(t, 'vendor', 'POST', `/api/templates/${mine.id}/versions`, {
      version: '1.1.0',
      stack_definition: { services: { web: { image: 'ghost:5' } } },
      changelog: 'Ghost 5',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().item).toMatchObject({
      version: '1.1.0',
      is_latest: true,
      review_status: 'draft',
      definition_format: 'json',
    });
    const versions = await t.app.db
      .selectFrom('stack_template_version')
      .select(['version', 'is_latest'])
      .where('template_id', '=', mine.id)
      .orderBy('created_at')
      .execute();
    expect(versions).toEqual([
      { version: '1.0.0', is_latest: false },
      { version: '1.1.0', is_latest: true },
    ]);
    const dup = await call(t, 'vendor', 'POST', `/api/templates/${mine.id}/versions`, {
      version: '1.1.0',
      stack_definition: CLEAN_YAML,
    });
    expect(dup.json()).toMatchObject({ status: 409, code: 'version_exists' });
  });
});

describe('POST /api/templates/:id/submit', () => {
  it('needs confirm_no_secrets: true (400 naming the field)', async () => {
    const mine = await createDraft(t);
    const res = await call(t, 'vendor', 'POST', `/api/templates/${mine.id}/submit`, {
      confirm_no_secrets: false,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.confirm_no_secrets');
  });

  it('refuses a template without a definition (422 definition_required)', async () => {
    const res0 = await call(t, 'vendor', 'POST', '/api/templates', {
      name: 'Empty',
      slug: uniqueSlug('empty'),
    });
    const id = res0.json().item.template.id;
    const res = await submit(t, id);
    expect(res.json()).toMatchObject({ status: 422, code: 'definition_required' });
  });

  it('refuses literal secrets with 422 secrets_detected naming the keys, and leaves the draft as it was', async () => {
    const mine = await createDraft(t, 'vendor', { stack_definition: SECRET_YAML });
    const res = await submit(t, mine.id);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'secrets_detected',
      keys: ['services.db.environment.POSTGRES_PASSWORD'],
    });
    expect(res.json().detail).toContain('POSTGRES_PASSWORD');
    const row = await t.app.db
      .selectFrom('stack_template')
      .select('status')
      .where('id', '=', mine.id)
      .executeTakeFirst();
    expect(row?.status).toBe('draft');
  });

  it('moves the template and its latest version to submitted and records the submission', async () => {
    const mine = await createDraft(t);
    const res = await submit(t, mine.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().item.template.status).toBe('submitted');
    expect(res.json().item.latest_version.review_status).toBe('submitted');
    const again = await submit(t, mine.id);
    expect(again.json()).toMatchObject({
      status: 409,
      code: 'invalid_transition',
      current_status: 'submitted',
    });
    const reviews = await call(t, 'vendor', 'GET', `/api/templates/${mine.id}/reviews`);
    expect(reviews.json().list).toEqual([
      expect.objectContaining({
        decision: 'submitted',
        reviewer_user_id: userId('vendor'),
        template_id: mine.id,
      }),
    ]);
  });

  it('the review history lists every decision with reviewer and reason, in order', async () => {
    const mine = await createDraft(t);
    await submit(t, mine.id);
    await decide(t, mine.id, 'needs-changes', 'Add a healthcheck');
    await submit(t, mine.id);
    await decide(t, mine.id, 'reject', 'Duplicate of another template');
    const res = await call(t, 'vendor', 'GET', `/api/templates/${mine.id}/reviews`);
    expect(
      res
        .json()
        .list.map((r: { decision: string; review_reason: string | null; reviewer_user_id: string }) => [
          r.decision,
          r.review_reason,
          r.reviewer_user_id,
        ]),
    ).toEqual([
      ['submitted', null, userId('vendor')],
      ['needs_changes', 'Add a healthcheck', userId('admin')],
      ['submitted', null, userId('vendor')],
      ['rejected', 'Duplicate of another template', userId('admin')],
    ]);
  });
});

describe('GET /api/templates/mine', () => {
  it('lists the caller’s templates in every status with their latest version, page by page', async () => {
    const fresh = await buildTestApp();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await createDraft(fresh)).id);
      await submit(fresh, ids[0]!);
      await createDraft(fresh, 'customerPro');
      const first = await call(fresh, 'vendor', 'GET', '/api/templates/mine?limit=2');
      expect(first.json().list).toHaveLength(2);
      const cursor = first.json().meta.next_cursor;
      const second = await call(fresh, 'vendor', 'GET', `/api/templates/mine?limit=2&cursor=${cursor}`);
      expect(second.json().meta.next_cursor).toBeNull();
      const all = [...first.json().list, ...second.json().list];
      expect(all.map((x: { template: { id: string } }) => x.template.id).sort()).toEqual([...ids].sort());
      expect(all.every((x: { latest_version: unknown }) => x.latest_version !== null)).toBe(true);
      expect(all.map((x: { template: { status: string } }) => x.template.status).sort()).toEqual([
        'draft',
        'draft',
        'submitted',
      ]);
      const bad = await call(fresh, 'vendor', 'GET', '/api/templates/mine?cursor=garbage');
      expect(bad.json()).toMatchObject({ status: 400, code: 'invalid_cursor' });
    } finally {
      await fresh.close();
    }
  });
});
