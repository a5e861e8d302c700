import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_CHANGED_CHANNEL, CatalogCache } from '../../../src/modules/templates/catalog-cache.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { waitUntil } from '../../helpers/wait.js';
import { call, createListed, decide } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Page = { list: { id: string; name: string; view_count: number }[] };
const page = async (url = '/api/templates?limit=100') => (await call(t, null, 'GET', url)).json() as Page;
const find = (p: Page, id: string) => p.list.find((x) => x.id === id);

/** Every NOTIFY sent so far has reached the app (one LISTEN connection delivers them in order). */
async function notificationsSettled() {
  let seen = false;
  const off = await t.listenHub.subscribe(CATALOG_CHANGED_CHANNEL, (payload) => {
    if (payload === 'test-marker') seen = true;
  });
  await sql`SELECT pg_notify(${CATALOG_CHANGED_CHANNEL}, 'test-marker')`.execute(t.app.db);
  await waitUntil(() => seen);
  off();
}

describe('the catalog page cache', () => {
  it('serves a page again without reading the rows, until a write to what it shows is notified', async () => {
    const listed = await createListed(t, { name: 'Cached Stack' });
    await notificationsSettled();
    expect(find(await page(), listed.id)?.view_count).toBe(0);
    // A view count moves without a NOTIFY (it changes on every view): the cached page keeps the old one.
    await t.app.db
      .updateTable('stack_template')
      .set({ view_count: 41 })
      .where('id', '=', listed.id)
      .execute();
    expect(find(await page(), listed.id)?.view_count).toBe(0);
    // A rename is notified by the trigger: every instance drops its pages, the next read is fresh.
    await t.app.db
      .updateTable('stack_template')
      .set({ name: 'Renamed Stack' })
      .where('id', '=', listed.id)
      .execute();
    await waitUntil(async () => find(await page(), listed.id)?.name === 'Renamed Stack');
    expect(find(await page(), listed.id)?.view_count).toBe(41);
  });

  it('drops an unlisted template from every cached page (both routes share them)', async () => {
    const listed = await createListed(t, { name: 'Soon Unlisted' });
    const cli = '/api/v1/marketplace/applications?limit=100';
    await waitUntil(async () => find(await page(cli), listed.id) !== undefined);
    expect(find(await page(), listed.id)).toBeDefined();
    expect((await decide(t, listed.id, 'unapprove', 'Broken link')).statusCode).toBe(200);
    await waitUntil(async () => find(await page(), listed.id) === undefined);
    expect(find(await page(cli), listed.id)).toBeUndefined();
  });

  it('answers the same bytes from the cache as from the database', async () => {
    await createListed(t, { name: 'Byte Stack' });
    const url = '/api/templates?q=byte';
    let first = '';
    await waitUntil(async () => {
      first = (await call(t, null, 'GET', url)).body;
      return first.includes('Byte Stack');
    });
    const second = await call(t, null, 'GET', url);
    expect(second.body).toBe(first);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});

describe('CatalogCache', () => {
  it('shares one load between concurrent misses of a page', async () => {
    const cache = new CatalogCache();
    let loads = 0;
    let release: (page: string) => void = () => {};
    const load = () => {
      loads += 1;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    };
    const a = cache.get('k', load);
    const b = cache.get('k', load);
    release('page');
    expect(await Promise.all([a, b])).toEqual(['page', 'page']);
    expect(loads).toBe(1);
    expect(await cache.get('k', load)).toBe('page');
    expect(loads).toBe(1);
  });

  it('answers a load that an invalidation overtook, but does not keep it', async () => {
    const cache = new CatalogCache();
    let release: (page: string) => void = () => {};
    const slow = cache.get(
      'k',
      () =>
        new Promise<string>((resolve) => {
          release = resolve;
        }),
    );
    cache.clear();
    release('old rows');
    expect(await slow).toBe('old rows');
    expect(cache.size).toBe(0);
    expect(await cache.get('k', async () => 'new rows')).toBe('new rows');
  });
});
