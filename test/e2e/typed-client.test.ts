import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchemaTypes, SCHEMA_TYPES } from '../../clients/typescript/generate.js';
import { createStackerClient } from '../../clients/typescript/src/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { DEV_TOKENS } from '../helpers/auth.js';
import { STACK_YAML, uniqueTemplateSlug } from '../helpers/templates.js';
import { waitUntil } from '../helpers/wait.js';

// The typed client integrators get (clients/typescript), used as they would: generated from the OpenAPI
// document, over real HTTP. A call that does not match the document does not compile (npm run check).

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await buildTestApp({ backgroundJobs: true });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

describe('the typed client', () => {
  it('is generated from the committed document (npm run client:types)', async () => {
    expect(await readFile(SCHEMA_TYPES, 'utf8')).toBe(await generateSchemaTypes());
  });

  it('publishes a template end to end: create, submit, approve, then the public catalog lists it', async () => {
    const vendor = createStackerClient({ baseUrl, token: DEV_TOKENS.vendor });
    const admin = createStackerClient({ baseUrl, token: DEV_TOKENS.admin });
    const me = await vendor.GET('/api/v1/me');
    expect(me.response.status).toBe(200);
    expect(me.data?.item.role).toBe('group_user');

    const slug = uniqueTemplateSlug('typed');
    const created = await vendor.POST('/api/templates', {
      body: { name: 'Typed Client Stack', slug, version: '1.0.0', stack_definition: STACK_YAML },
    });
    expect(created.response.status).toBe(201);
    const id = created.data!.item.template.id;
    const submitted = await vendor.POST('/api/templates/{id}/submit', {
      params: { path: { id } },
      body: { confirm_no_secrets: true },
    });
    expect(submitted.response.status).toBe(200);
    const approved = await admin.POST('/api/admin/templates/{id}/approve', {
      params: { path: { id } },
      body: {},
    });
    expect(approved.response.status).toBe(200);

    const anonymous = createStackerClient({ baseUrl });
    await waitUntil(async () => {
      const page = await anonymous.GET('/api/templates');
      return JSON.stringify(page.data ?? {}).includes(id);
    }, 'the approved template in the catalog');
  });

  it('returns the problem+json body as a typed error', async () => {
    const vendor = createStackerClient({ baseUrl, token: DEV_TOKENS.vendor });
    const refused = await vendor.POST('/api/templates', {
      body: { name: '', slug: 'x', version: '1' } as never,
    });
    expect(refused.response.status).toBe(400);
    expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.error).toMatchObject({ status: 400 });
  });
});
