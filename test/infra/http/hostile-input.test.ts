import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentWithAgent, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { STACK_YAML, uniqueTemplateSlug } from '../../helpers/templates.js';

let t: TestApp;
let fixture: Fixture;
beforeAll(async () => {
  t = await buildTestApp();
  fixture = await deploymentWithAgent(t);
});
afterAll(() => t.close());

interface Reply {
  statusCode: number;
  headers: Record<string, unknown>;
  json(): { code?: string; errors?: { path: string; message: string }[] };
}

const expectFieldRefused = (res: Reply, path: string) => {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe('validation_failed');
  expect(res.json().errors).toContainEqual(expect.objectContaining({ path }));
};

describe('NUL bytes are refused at the edge, naming the field', () => {
  it.each([
    ['/api/templates?q=a%00b', 'querystring.q'],
    ['/api/templates?category=a%00b', 'querystring.category'],
    ['/api/templates?tag=a%00b', 'querystring.tag'],
    ['/api/templates/a%00b', 'params.slug'],
  ])('%s', async (url, path) => {
    expectFieldRefused(await t.app.inject({ method: 'GET', url }), path);
  });

  it('in an admin filter', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/agents?capability=x%00y',
      headers: bearer('admin'),
    });
    expectFieldRefused(res, 'querystring.capability');
  });

  it('in a command id', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/commands/${fixture.hash}/cmd%00x`,
      headers: fixture.owner,
    });
    expectFieldRefused(res, 'params.command_id');
  });

  it('inside JSON strings bound for jsonb: tags and stack definition', async () => {
    const slug = uniqueTemplateSlug('nul');
    const base = {
      name: `Stack ${slug}`,
      slug,
      version: '1.0.0',
      stack_definition: STACK_YAML,
      listing: { price: 0, billing_cycle: 'free', currency: 'USD' },
    };
    const tags = await t.app.inject({
      method: 'POST',
      url: '/api/templates',
      headers: bearer('vendor'),
      payload: { ...base, tags: ['ok', 'a\u0000b'] },
    });
    expectFieldRefused(tags, 'body.tags.1');
    const stack = await t.app.inject({
      method: 'POST',
      url: '/api/templates',
      headers: bearer('vendor'),
      payload: { ...base, stack_definition: `${STACK_YAML}# \u0000` },
    });
    expectFieldRefused(stack, 'body.stack_definition');
  });

  it('inside agent capabilities, system info values and keys', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const register = (extra: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/agent/register',
        headers: bearer('vendor'),
        payload: { deployment_hash: hash, agent_version: '0.2.1', capabilities: ['docker'], ...extra },
      });
    expectFieldRefused(await register({ capabilities: ['docker', '\u0000'] }), 'body.capabilities.1');
    expectFieldRefused(
      await register({ system_info: { os: { name: 'li\u0000nux' } } }),
      'body.system_info.os.name',
    );
    expectFieldRefused(await register({ system_info: { 'o\u0000s': 'linux' } }), 'body.system_info');
  });

  it('lone surrogates are refused too (Postgres cannot store them)', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agent/register',
      headers: bearer('vendor'),
      payload: { deployment_hash: hash, agent_version: '0.2.1', system_info: { os: '\ud800' } },
    });
    expectFieldRefused(res, 'body.system_info.os');
  });
});

describe('deep nesting and wide objects are refused at validation time', () => {
  const nested = (depth: number) => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
  };

  it('a 10,000-level object is 400, not a blown stack', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agent/register',
      headers: { ...bearer('vendor'), 'content-type': 'application/json' },
      // Written as text: building it as an object and stringifying would blow this test's own stack.
      payload: `{"deployment_hash":"${hash}","agent_version":"0.2.1","system_info":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().errors[0].message).toMatch(/nested deeper than 32/);
  });

  it('an object with more keys than the limit is 400', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const wide = Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`k${i}`, i]));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agent/register',
      headers: bearer('vendor'),
      payload: { deployment_hash: hash, agent_version: '0.2.1', system_info: wide },
    });
    expectFieldRefused(res, 'body.system_info');
    expect(res.json().errors[0].message).toMatch(/more than 1000 keys/);
  });

  it('a depth at the limit passes the guard', async () => {
    const hash = await insertDeployment(t.database.db, { userId: userId('vendor') });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agent/register',
      headers: bearer('vendor'),
      payload: { deployment_hash: hash, agent_version: '0.2.1', system_info: nested(30) as object },
    });
    expect(res.statusCode).toBe(201);
  });
});
