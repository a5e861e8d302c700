import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationId } from '../../../src/infra/http/openapi-document.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

const COMMITTED = new URL('../../../docs/openapi.json', import.meta.url);
type Doc = { paths: Record<string, Record<string, { security?: unknown; operationId?: string }>> };

// The committed document is what `redocly lint` checks (npm run check) and what the typed client is
// generated from, so it must be exactly what the server serves. `npm run openapi` rewrites it.
describe('the OpenAPI document', () => {
  let t: TestApp;
  let served: Doc;
  beforeAll(async () => {
    t = await buildTestApp();
    served = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  });
  afterAll(() => t.close());

  it('is the committed docs/openapi.json (run `npm run openapi` after changing a route)', async () => {
    const text = `${JSON.stringify(served, null, 2)}\n`;
    if (process.env.OPENAPI_WRITE === '1') await writeFile(COMMITTED, text);
    expect(JSON.parse(await readFile(COMMITTED, 'utf8'))).toEqual(served);
  });

  it('gives every operation security and an operationId, from the policy for public ones too', () => {
    const ops = Object.values(served.paths).flatMap((item) => Object.values(item));
    expect(ops.length).toBeGreaterThan(40);
    for (const op of ops) {
      expect(op.security).toBeInstanceOf(Array);
      expect(op.operationId).toMatch(/^[a-z][A-Za-z0-9]+$/);
    }
    expect(served.paths['/api/templates']?.get?.security).toEqual([]);
    expect(served.paths['/api/v1/me']?.get?.security).toEqual([{ bearer: [] }]);
    expect(served.paths['/api/v1/agent/commands/report']?.post?.security).toEqual([{ agent: [] }]);
  });

  it('merges paths that differ only by parameter name', () => {
    expect(Object.keys(served.paths)).toContain('/api/templates/{slug_or_id}');
    expect(Object.keys(served.paths)).not.toContain('/api/templates/{id}');
  });

  it('derives readable operation ids', () => {
    expect(operationId('get', '/api/v1/deployments/{deployment_hash}')).toBe(
      'getDeploymentsByDeploymentHash',
    );
    expect(operationId('post', '/api/templates/{id}/needs-changes')).toBe('postTemplatesByIdNeedsChanges');
  });
});
