import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer } from '../../helpers/auth.js';
import { draftTemplate, listedTemplate, type TestTemplate } from '../../helpers/templates.js';

// The `deploy` bucket (status-panel.md): per user, counted after the template lookup (404 first).

let t: TestApp;
let free: TestTemplate;

beforeAll(async () => {
  t = await buildTestApp({ env: { RATE_LIMITS: JSON.stringify({ free: { deploy: 2 } }) } });
  free = await listedTemplate(t);
});
afterAll(async () => {
  await t?.close();
});

const deploy = (template: string, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: { ...bearer('customerFree'), ...(key ? { 'idempotency-key': key } : {}) },
    payload: { template, name: 'x' },
  });

describe('deploy rate limit', () => {
  it('answers 429 with Retry-After past the plan limit, 404 for a template that is not yours, and replays', async () => {
    const hidden = await draftTemplate(t);
    expect((await deploy(free.slug, 'k1')).statusCode).toBe(201);
    expect((await deploy(free.slug)).statusCode).toBe(201);
    const limited = await deploy(free.slug);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    // 404 first: a spent limit never reveals whether someone else's draft exists.
    expect((await deploy(hidden.slug)).statusCode).toBe(404);
    expect((await deploy('no-such-template')).statusCode).toBe(404);
    // A retry of an accepted request still gets its first reply.
    const replay = await deploy(free.slug, 'k1');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // The CLI's route shares the bucket.
    const cli = await t.app.inject({
      method: 'POST',
      url: `/api/templates/${free.slug}/install`,
      headers: bearer('customerFree'),
      payload: {},
    });
    expect(cli.statusCode).toBe(429);
  });
});
