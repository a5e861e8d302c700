import { afterEach, describe, expect, it } from 'vitest';
import { syncCategories } from '../../../src/modules/categories/sync-service.js';
import { moveTemplatesToCategory } from '../../../src/modules/templates/index.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { call, createDraft } from '../templates/helpers.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function app(options: Parameters<typeof buildTestApp>[0] = {}): Promise<TestApp> {
  t = await buildTestApp({
    ...options,
    userServiceClient: { retryDelaysMs: [], ...options.userServiceClient },
  });
  return t;
}

const sync = (a: TestApp) =>
  syncCategories({
    db: a.app.db,
    clock: a.app.clock,
    userService: a.userServiceClient,
    moveTemplates: moveTemplatesToCategory,
  });
const remote = (a: TestApp) => a.userService.state.store.categories;
const local = async (a: TestApp) =>
  (await a.app.db.selectFrom('stack_category').select(['id', 'name', 'title']).orderBy('id').execute()).map(
    (c) => `${c.id}:${c.name}:${c.title}`,
  );
const categoryOf = async (a: TestApp, templateId: string) =>
  (await call(a, 'vendor', 'GET', '/api/templates/mine'))
    .json()
    .list.find((x: { template: { id: string } }) => x.template.id === templateId).template.category_code;

describe('category sync', () => {
  it('first sync creates every category; GET /api/categories lists them in the service order', async () => {
    const a = await app();
    expect(await sync(a)).toEqual({
      received: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      merged: 0,
      skipped: 0,
    });
    const res = await call(a, null, 'GET', '/api/categories');
    expect(res.statusCode).toBe(200);
    expect(res.json().list).toEqual([
      { id: 1, name: 'web', title: 'Web apps', metadata: { priority: 1 } },
      { id: 2, name: 'ai', title: 'AI and machine learning', metadata: { priority: 2 } },
      { id: 3, name: 'databases', title: 'Databases', metadata: { priority: 3 } },
      { id: 4, name: 'devops', title: 'DevOps tools', metadata: { priority: 4 } },
    ]);
    expect(await sync(a)).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it('a rename (same id) updates the row, and the templates filed under it follow', async () => {
    const a = await app();
    await sync(a);
    const tpl = await createDraft(a, 'vendor', { category_code: 'web' });
    Object.assign(remote(a)[0]!, { name: 'web-apps', title: 'Websites' });
    expect(await sync(a)).toMatchObject({ updated: 1, unchanged: 3 });
    expect(await local(a)).toContain('1:web-apps:Websites');
    expect(await categoryOf(a, tpl.id)).toBe('web-apps');
    const old = await call(a, 'vendor', 'PUT', `/api/templates/${tpl.id}`, { category_code: 'web' });
    expect(old.json()).toMatchObject({ status: 400, code: 'unknown_category' });
  });

  it('a name now sent under another id moves to that id, with its templates (upsert by id, then by name)', async () => {
    const a = await app();
    await sync(a);
    const tpl = await createDraft(a, 'vendor', { category_code: 'web' });
    remote(a)[0]!._id = 11;
    expect(await sync(a)).toMatchObject({ merged: 1, created: 0, unchanged: 3 });
    expect(await local(a)).toEqual([
      '2:ai:AI and machine learning',
      '3:databases:Databases',
      '4:devops:DevOps tools',
      '11:web:Web apps',
    ]);
    expect(await categoryOf(a, tpl.id)).toBe('web');
    const row = await a.app.db
      .selectFrom('stack_template')
      .select('category_id')
      .where('id', '=', tpl.id)
      .executeTakeFirst();
    expect(row?.category_id).toBe(11);
  });

  it('two categories swapping names never trip the unique name', async () => {
    const a = await app();
    await sync(a);
    remote(a)[0]!.name = 'ai';
    remote(a)[1]!.name = 'web';
    expect(await sync(a)).toMatchObject({ updated: 2, merged: 0 });
    expect(await local(a)).toEqual(
      expect.arrayContaining(['1:ai:Web apps', '2:web:AI and machine learning']),
    );
  });

  it('skips repeated ids or names in one reply, and keeps local categories the service no longer sends', async () => {
    const a = await app();
    await sync(a);
    const categories = remote(a);
    categories.splice(3, 1);
    categories.push(
      { _id: 2, name: 'ai-again', title: 'dup id', priority: 9 },
      { _id: 9, name: 'web', title: 'dup name', priority: 9 },
    );
    expect(await sync(a)).toMatchObject({ received: 5, skipped: 2, unchanged: 3 });
    expect(await local(a)).toEqual([
      '1:web:Web apps',
      '2:ai:AI and machine learning',
      '3:databases:Databases',
      '4:devops:DevOps tools',
    ]);
  });
});

describe('when the User Service is down', () => {
  it('keeps the existing categories; the admin endpoint answers 503 and the catalog still lists them', async () => {
    const a = await app();
    await sync(a);
    remote(a)[0]!.name = 'renamed-while-down';
    a.userService.state.failNext(50, 503, { path: '/api/1.0/category' });
    await expect(sync(a)).rejects.toMatchObject({ name: 'UserServiceUnavailableError' });
    const res = await call(a, 'admin', 'POST', '/api/admin/categories/sync');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'user_service_unavailable' });
    expect(res.headers['retry-after']).toBe('30');
    expect((await call(a, null, 'GET', '/api/categories')).json().list).toHaveLength(4);
    expect(await local(a)).toContain('1:web:Web apps');
  });
});

describe('POST /api/admin/categories/sync', () => {
  it('syncs now and returns the counts', async () => {
    const a = await app();
    const res = await call(a, 'admin', 'POST', '/api/admin/categories/sync');
    expect(res.statusCode).toBe(200);
    expect(res.json().item).toEqual({
      received: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      merged: 0,
      skipped: 0,
    });
  });
});
