import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { call, createDraft, createListed, decide, loadCategories, SECRET_YAML, submit } from './helpers.js';

let t: TestApp;
const clock = new ManualClock(new Date('2026-01-09T00:00:00Z'));
const listed: Record<string, { id: string; slug: string }> = {};

async function list(url: string) {
  const res = await call(t, null, 'GET', url);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    list: { id: string; slug: string; name: string }[];
    meta: { next_cursor: string | null };
  };
}
const names = async (url: string) => (await list(url)).list.map((x) => x.name);

beforeAll(async () => {
  t = await buildTestApp({ clock });
  await loadCategories(t);
  const specs: [string, Record<string, unknown>][] = [
    ['Ghost Blog', { category_code: 'web', tags: ['blog', 'cms'], short_description: 'Publishing platform' }],
    [
      'Postgres Admin',
      {
        category_code: 'databases',
        tags: ['sql'],
        short_description: 'Database admin',
        long_description: 'Manage 100% of your DB_tables',
      },
    ],
    [
      'Grafana Stack',
      { category_code: 'devops', tags: ['monitoring', 'dashboards'], short_description: 'Metrics' },
    ],
    ['Ollama Chat', { category_code: 'ai', tags: ['llm', 'chat'], short_description: 'Local models' }],
  ];
  for (const [name, extra] of specs) {
    clock.advance(60_000);
    listed[name] = await createListed(t, { name, ...extra });
  }
  await createDraft(t, 'vendor', { name: 'Draft Blog', tags: ['blog'] });
  const submitted = await createDraft(t, 'vendor', { name: 'Submitted Blog' });
  await submit(t, submitted.id);
  const rejected = await createDraft(t, 'vendor', { name: 'Rejected Blog' });
  await submit(t, rejected.id);
  await decide(t, rejected.id, 'reject', 'No');
});
afterAll(() => t.close());

describe('GET /api/templates', () => {
  it('lists approved templates only, most recently approved first', async () => {
    expect(await names('/api/templates')).toEqual([
      'Ollama Chat',
      'Grafana Stack',
      'Postgres Admin',
      'Ghost Blog',
    ]);
  });

  it('searches name, slug, descriptions and tags, case-insensitively', async () => {
    expect(await names('/api/templates?q=GHOST')).toEqual(['Ghost Blog']);
    expect(await names('/api/templates?q=publishing')).toEqual(['Ghost Blog']);
    expect(await names('/api/templates?q=dashboards')).toEqual(['Grafana Stack']);
    expect(await names(`/api/templates?q=${listed['Ollama Chat']!.slug}`)).toEqual(['Ollama Chat']);
    expect(await names('/api/templates?q=blog')).toEqual(['Ghost Blog']);
  });

  it('matches LIKE wildcards in q literally', async () => {
    expect(await names('/api/templates?q=100%25')).toEqual(['Postgres Admin']);
    expect(await names('/api/templates?q=db_t')).toEqual(['Postgres Admin']);
    expect(await names('/api/templates?q=%25%25%25')).toEqual([]);
    expect(await names('/api/templates?q=_')).toEqual(['Postgres Admin']);
  });

  it('filters by category and tag', async () => {
    expect(await names('/api/templates?category=ai')).toEqual(['Ollama Chat']);
    expect(await names('/api/templates?tag=cms')).toEqual(['Ghost Blog']);
    expect(await names('/api/templates?category=web&tag=sql')).toEqual([]);
    expect(await names('/api/templates?category=unknown')).toEqual([]);
  });

  it('sorts by popularity (deploys) when asked', async () => {
    await t.app.db
      .updateTable('stack_template')
      .set({ deploy_count: 7 })
      .where('id', '=', listed['Postgres Admin']!.id)
      .execute();
    await t.app.db
      .updateTable('stack_template')
      .set({ deploy_count: 3 })
      .where('id', '=', listed['Ghost Blog']!.id)
      .execute();
    expect(await names('/api/templates?sort=popular')).toEqual([
      'Postgres Admin',
      'Ghost Blog',
      'Ollama Chat',
      'Grafana Stack',
    ]);
  });

  it('serves the CLI path with the same list', async () => {
    expect(await names('/api/v1/marketplace/applications?q=chat')).toEqual(['Ollama Chat']);
    expect(await names('/api/v1/marketplace/applications')).toEqual(await names('/api/templates'));
  });

  it('refuses bad paging input with 400', async () => {
    for (const query of ['limit=0', 'limit=101', 'sort=best', 'cursor=nope']) {
      const res = await call(t, null, 'GET', `/api/templates?${query}`);
      expect(res.statusCode).toBe(400);
    }
    const popular = await list('/api/templates?sort=popular&limit=1');
    const mixed = await call(t, null, 'GET', `/api/templates?sort=recent&cursor=${popular.meta.next_cursor}`);
    expect(mixed.json()).toMatchObject({ status: 400, code: 'invalid_cursor' });
  });
});

describe('cursor pagination', () => {
  for (const sort of ['recent', 'popular']) {
    it(`walks every page once (sort=${sort}) and stays stable when templates are approved meanwhile`, async () => {
      const seen: string[] = [];
      let page = await list(`/api/templates?sort=${sort}&limit=2`);
      seen.push(...page.list.map((x) => x.id));
      // A template approved between two pages must neither repeat nor push a row off the next page.
      clock.advance(60_000);
      const late = await createListed(t, { name: `Late ${sort}` });
      while (page.meta.next_cursor) {
        page = await list(`/api/templates?sort=${sort}&limit=2&cursor=${page.meta.next_cursor}`);
        seen.push(...page.list.map((x) => x.id));
      }
      expect(new Set(seen).size).toBe(seen.length);
      const before = Object.values(listed).map((x) => x.id);
      expect(seen.filter((id) => before.includes(id)).sort()).toEqual([...before].sort());
      // Newest first: a template approved after the first page sorts before the cursor, so it is not
      // in the later pages (with sort=popular it may be, at its place among the templates without deploys).
      if (sort === 'recent') expect(seen).not.toContain(late.id);
    });
  }
});

describe('GET /api/templates/:slug', () => {
  it('shows a listed template with its approved version; anything else is 404', async () => {
    const ghost = listed['Ghost Blog']!;
    const res = await call(t, 'customerFree', 'GET', `/api/templates/${ghost.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().item.template).toMatchObject({ id: ghost.id, status: 'approved' });
    expect(res.json().item.latest_version).toMatchObject({ version: '1.0.0', review_status: 'approved' });
    const draft = await createDraft(t);
    expect((await call(t, null, 'GET', `/api/templates/${draft.slug}`)).statusCode).toBe(404);
    expect((await call(t, null, 'GET', '/api/templates/no-such-template')).statusCode).toBe(404);
    expect((await call(t, null, 'GET', '/api/templates/mine')).statusCode).toBe(401);
  });

  it('counts views', async () => {
    const grafana = listed['Grafana Stack']!;
    const before = (await call(t, null, 'GET', `/api/templates/${grafana.slug}`)).json().item.template
      .view_count;
    const after = (await call(t, null, 'GET', `/api/templates/${grafana.slug}`)).json().item.template
      .view_count;
    expect(after).toBe(before + 1);
  });

  it('redacts secret-looking values for the public, in YAML and in JSON definitions', async () => {
    // Definitions approved before the secret check existed: the public view must still hide them.
    const yaml = await createListed(t, { name: 'Legacy YAML' });
    const json = await createListed(t, { name: 'Legacy JSON' });
    const versionOf = async (id: string) =>
      (
        await t.app.db
          .selectFrom('stack_template')
          .select('approved_version_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).approved_version_id!;
    await t.app.db
      .updateTable('stack_template_version')
      .set({ stack_definition: JSON.stringify(SECRET_YAML) })
      .where('id', '=', await versionOf(yaml.id))
      .execute();
    const jsonDefinition = {
      services: { api: { environment: { API_KEY: 'sk_live_abcdefghijklmnop1234', MODE: 'prod' } } },
    };
    await t.app.db
      .updateTable('stack_template_version')
      .set({ stack_definition: JSON.stringify(jsonDefinition), definition_format: 'json' })
      .where('id', '=', await versionOf(json.id))
      .execute();

    const y = (await call(t, null, 'GET', `/api/templates/${yaml.slug}`)).json().item.latest_version
      .stack_definition;
    expect(y).toContain('POSTGRES_PASSWORD: "***REDACTED***"');
    expect(y).not.toContain('hunter2');
    const j = (await call(t, null, 'GET', `/api/templates/${json.slug}`)).json().item.latest_version
      .stack_definition;
    expect(j).toEqual({ services: { api: { environment: { API_KEY: '***REDACTED***', MODE: 'prod' } } } });
    const own = await call(t, 'admin', 'GET', `/api/admin/templates/${json.id}`);
    expect(own.json().item.versions[0].stack_definition).toEqual(jsonDefinition);
  });
});
