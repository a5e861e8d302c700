import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { userId } from '../../helpers/auth.js';
import { waitUntil } from '../../helpers/wait.js';
import { CLEAN_YAML, call, createDraft, loadCategories, submit, uniqueSlug } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const takenMessage = (slug: string) =>
  `Template slug '${slug}' is already in use. Please choose a different slug.`;

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await loadCategories(t);
});
afterAll(() => t.close());

const countTemplates = async (slug: string) =>
  Number(
    (
      await t.app.db
        .selectFrom('stack_template')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * Holds an uncommitted insert of `slug` (by `owner`) while `request` runs: the request does not see the
 * row, inserts, waits on the unique index, and gets SQLSTATE 23505 once the holder commits.
 */
async function withHeldSlug(slug: string, owner: string, request: () => Promise<LightMyRequestResponse>) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let inserted!: () => void;
  const insertedOnce = new Promise<void>((resolve) => {
    inserted = resolve;
  });
  const holder = t.app.db.transaction().execute(async (trx) => {
    await trx.insertInto('stack_template').values({ creator_user_id: owner, name: 'Held', slug }).execute();
    inserted();
    await gate;
  });
  await insertedOnce;
  const pending = request();
  // Wait until the request is blocked on the holder's row, then let the holder commit.
  await waitUntil(async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(t.app.db);
    return (rows[0]?.n ?? 0) > 0;
  }, 'the request to block on the held row');
  release();
  await holder;
  return pending;
}

describe('POST /api/templates', () => {
  it('creates a draft with UUID ids, the caller as creator, the listing and a draft first version', async () => {
    const slug = uniqueSlug();
    const res = await call(t, 'vendor', 'POST', '/api/templates', {
      name: 'Ghost blog',
      slug,
      category_code: 'web',
      tags: ['blog'],
      tech_stack: { languages: ['node'] },
      required_plan_name: 'pro',
      version: '1.0.0',
      stack_definition: CLEAN_YAML,
      changelog: 'first',
      listing: { price: 12.5, billing_cycle: 'one_time', currency: 'usd' },
    });
    expect(res.statusCode).toBe(201);
    const { template, latest_version: version } = res.json().item;
    expect(template).toMatchObject({
      slug,
      status: 'draft',
      category_code: 'web',
      creator_user_id: userId('vendor'),
      creator_name: 'Vera Vendor',
      tech_stack: { languages: ['node'] },
      listing: { price: 12.5, billing_cycle: 'one_time', currency: 'USD' },
      approved_version_id: null,
    });
    expect(template.id).toMatch(UUID);
    expect(version).toMatchObject({
      version: '1.0.0',
      review_status: 'draft',
      is_latest: true,
      stack_definition: CLEAN_YAML,
    });
    expect(version.id).toMatch(UUID);
  });

  it('accepts the CLI shape: flat plan_type/price/currency and nulls for absent fields', async () => {
    const slug = uniqueSlug('cli');
    const res = await call(t, 'vendor', 'POST', '/api/templates', {
      name: 'From the CLI',
      slug,
      short_description: null,
      category_code: null,
      tags: null,
      stack_definition: { services: { web: { image: 'nginx' } } },
      definition_format: null,
      plan_type: 'subscription',
      price: 4.99,
      currency: 'EUR',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().item.template.listing).toEqual({
      price: 4.99,
      billing_cycle: 'monthly',
      currency: 'EUR',
    });
    expect(res.json().item.latest_version).toMatchObject({ version: '1.0.0', definition_format: 'json' });
  });

  it('answers 400 naming the field', async () => {
    const reserved = await call(t, 'vendor', 'POST', '/api/templates', { name: 'x', slug: 'mine' });
    expect(reserved.statusCode).toBe(400);
    expect(reserved.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'body.slug', message: 'is reserved' }],
    });
    const price = await call(t, 'vendor', 'POST', '/api/templates', {
      name: 'x',
      slug: uniqueSlug(),
      listing: { price: 9.999, billing_cycle: 'one_time' },
    });
    expect(price.statusCode).toBe(400);
    expect(price.json().errors).toEqual([
      { path: 'body.listing.price', message: 'must have at most 2 decimals' },
    ]);
  });

  it('refuses an unknown category_code with the known ones, and writes nothing', async () => {
    const slug = uniqueSlug();
    const res = await call(t, 'vendor', 'POST', '/api/templates', {
      name: 'x',
      slug,
      category_code: 'gaming',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'unknown_category',
      known_categories: ['web', 'ai', 'databases', 'devops'],
      errors: [{ path: 'body.category_code' }],
    });
    expect(res.json().detail).toContain('web, ai, databases, devops');
    expect(await countTemplates(slug)).toBe(0);
  });

  it('is 401 without a token', async () => {
    const res = await call(t, null, 'POST', '/api/templates', { name: 'x', slug: uniqueSlug() });
    expect(res.statusCode).toBe(401);
  });
});

describe('slug uniqueness', () => {
  it("is 409 slug_taken with the contract's message when another vendor has the slug", async () => {
    const theirs = await createDraft(t, 'customerPro');
    const res = await call(t, 'vendor', 'POST', '/api/templates', { name: 'Mine now', slug: theirs.slug });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'slug_taken', message: takenMessage(theirs.slug) });
    expect(await countTemplates(theirs.slug)).toBe(1);
  });

  it('is 409 slug_taken, never a 500, when two vendors race for one slug', async () => {
    for (let round = 0; round < 8; round++) {
      const slug = uniqueSlug('race');
      const body = { name: 'Race', slug, stack_definition: CLEAN_YAML };
      const replies = await Promise.all([
        call(t, 'vendor', 'POST', '/api/templates', body),
        call(t, 'customerPro', 'POST', '/api/templates', body),
      ]);
      const codes = replies.map((r) => r.statusCode).sort();
      expect(codes).toEqual([201, 409]);
      const loser = replies.find((r) => r.statusCode === 409)!;
      expect(loser.json()).toMatchObject({ code: 'slug_taken', message: takenMessage(slug) });
      expect(await countTemplates(slug)).toBe(1);
    }
  });

  it('maps the unique violation (23505 on stack_template_slug_key) of a concurrent insert to slug_taken', async () => {
    const slug = uniqueSlug('held');
    const res = await withHeldSlug(slug, '999', () =>
      call(t, 'vendor', 'POST', '/api/templates', { name: 'Late', slug }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'slug_taken', message: takenMessage(slug) });
  });

  it('turns the same race into an update when the concurrent insert was the caller’s own', async () => {
    const slug = uniqueSlug('held');
    const res = await withHeldSlug(slug, userId('vendor'), () =>
      call(t, 'vendor', 'POST', '/api/templates', { name: 'Second send', slug }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().item.template).toMatchObject({ slug, name: 'Second send' });
  });

  it('updates the caller’s own template when the CLI re-sends its slug', async () => {
    const mine = await createDraft(t);
    const again = await call(t, 'vendor', 'POST', '/api/templates', {
      name: 'Renamed',
      slug: mine.slug,
      version: '1.0.0',
      stack_definition: CLEAN_YAML,
      listing: { price: 0, billing_cycle: 'free', currency: 'USD' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().item.template).toMatchObject({ id: mine.id, name: 'Renamed', status: 'draft' });
    const newer = await call(t, 'vendor', 'POST', '/api/templates', {
      name: 'Renamed',
      slug: mine.slug,
      version: '1.1.0',
      stack_definition: `${CLEAN_YAML}# tuned\n`,
    });
    expect(newer.statusCode).toBe(200);
    expect(newer.json().item.latest_version).toMatchObject({ version: '1.1.0', is_latest: true });
    expect(await countTemplates(mine.slug)).toBe(1);
  });

  it('is 409 template_not_editable when the caller’s template is under review', async () => {
    const mine = await createDraft(t);
    expect((await submit(t, mine.id)).statusCode).toBe(200);
    const res = await call(t, 'vendor', 'POST', '/api/templates', { name: 'Again', slug: mine.slug });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'template_not_editable', current_status: 'submitted' });
  });

  it('gives one create and one update when the same vendor sends a new slug twice at once', async () => {
    const slug = uniqueSlug('twice');
    const body = { name: 'Twice', slug, version: '1.0.0', stack_definition: CLEAN_YAML };
    const replies = await Promise.all([
      call(t, 'vendor', 'POST', '/api/templates', body),
      call(t, 'vendor', 'POST', '/api/templates', body),
    ]);
    expect(replies.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(await countTemplates(slug)).toBe(1);
  });
});
