import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, DEV_TOKENS, type DevUser, userId } from '../../helpers/auth.js';
import {
  cliApiResponse,
  cliDeploymentLock,
  cliHandoffMintResponse,
  cliHandoffPayload,
  parseAsCli,
} from '../../helpers/cli-shapes.js';
import { listedTemplate, type TestTemplate, UNLIMITED_DEPLOYS_ENV } from '../../helpers/templates.js';

// The dashboard mints, `stacker connect --handoff` resolves: once, on any instance, as the CLI parses it.

let a: TestApp;
let b: TestApp;
let free: TestTemplate;

beforeAll(async () => {
  a = await buildTestApp({ env: UNLIMITED_DEPLOYS_ENV });
  b = await buildTestApp({ env: UNLIMITED_DEPLOYS_ENV, database: a.database, secretBox: a.app.secretBox });
  free = await listedTemplate(a);
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

async function deploy(user: DevUser = 'customerFree') {
  const res = await a.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: bearer(user),
    payload: { template: free.slug, name: 'shop' },
  });
  expect(res.statusCode).toBe(201);
  const d = res.json().item.deployment;
  return { id: d.id as number, hash: d.deployment_hash as string, projectId: d.project_id as number };
}

const mint = (app: TestApp, payload: unknown, user: DevUser = 'customerFree', url = '/api/v1/handoff/mint') =>
  app.app.inject({
    method: 'POST',
    url,
    headers: { ...bearer(user), host: 'stacker.example.test' },
    payload: payload as object,
  });

const resolve = (app: TestApp, token: string) =>
  app.app.inject({ method: 'POST', url: '/api/v1/handoff/resolve', payload: { token } });

describe('handoff', () => {
  it('mints on one instance and resolves once on the other; the second resolve is 404', async () => {
    const d = await deploy();
    const minted = await mint(a, { deployment_id: d.id });
    expect(minted.statusCode).toBe(200);
    const link = parseAsCli(cliApiResponse(cliHandoffMintResponse), minted.json()).item!;
    expect(link.token).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(link.url).toBe(`http://stacker.example.test/handoff#${link.token}`);
    expect(link.command).toBe(`stacker connect --handoff ${link.token}`);

    const first = await resolve(b, link.token);
    expect(first.statusCode).toBe(200);
    expect(first.json().message).toBe('CLI handoff resolved');
    const payload = parseAsCli(cliHandoffPayload, first.json().item);
    expect(payload).toMatchObject({
      kind: 'deployment',
      version: 1,
      project: { id: d.projectId, name: 'shop', identity: 'shop' },
      deployment: { id: d.id, hash: d.hash, target: 'local', status: 'pending' },
    });
    const lock = parseAsCli(cliDeploymentLock, payload.lockfile);
    expect(lock).toMatchObject({ target: 'local', deployment_id: d.id, project_id: d.projectId });
    expect(payload.credentials).toMatchObject({
      access_token: DEV_TOKENS.customerFree,
      token_type: 'Bearer',
      server_url: 'http://stacker.example.test',
    });
    expect(payload.stacker_yml).toContain(`deployment_hash: "${d.hash}"`);

    for (const app of [a, b]) {
      const again = await resolve(app, link.token);
      expect(again.statusCode).toBe(404);
      expect(again.json().detail).toBe('Handoff token not found.');
    }
  });

  it('resolves exactly once when two instances race for the same token', async () => {
    const d = await deploy();
    const { token } = (await mint(a, { deployment_hash: d.hash })).json().item;
    const replies = await Promise.all([
      resolve(a, token),
      resolve(b, token),
      resolve(a, token),
      resolve(b, token),
    ]);
    expect(replies.map((r) => r.statusCode).sort()).toEqual([200, 404, 404, 404]);
  });

  it('keeps only the token hash and an encrypted payload: neither the token nor the bearer is in the row', async () => {
    const d = await deploy();
    const { token } = (await mint(a, { deployment_id: d.id })).json().item;
    const rows = await a.database.db.selectFrom('handoff').selectAll().execute();
    const stored = JSON.stringify(
      rows.map((r) => ({ ...r, payload_ciphertext: r.payload_ciphertext.toString('latin1') })),
    );
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(DEV_TOKENS.customerFree);
  });

  it('expires after 2 h', async () => {
    const d = await deploy();
    const { token, expires_at } = (await mint(a, { deployment_id: d.id })).json().item;
    expect(new Date(expires_at).getTime() - Date.now()).toBeGreaterThan(2 * 3600_000 - 60_000);
    await a.database.db
      .updateTable('handoff')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', userId('customerFree'))
      .execute();
    expect((await resolve(b, token)).statusCode).toBe(404);
  });

  it("answers 404 for someone else's deployment and 400 without a deployment", async () => {
    const other = await deploy('customerPro');
    expect((await mint(a, { deployment_id: other.id })).statusCode).toBe(404);
    expect((await mint(a, { deployment_hash: other.hash })).statusCode).toBe(404);
    const none = await mint(a, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toBe('deployment_id or deployment_hash is required');
    expect((await resolve(a, 'x'.repeat(40))).statusCode).toBe(404);
  });

  it('mints an account handoff', async () => {
    const res = await mint(a, undefined, 'customerPro', '/api/v1/handoff/mint/account');
    expect(res.statusCode).toBe(200);
    const payload = parseAsCli(cliHandoffPayload, (await resolve(b, res.json().item.token)).json().item);
    expect(payload).toMatchObject({
      kind: 'account',
      project: { id: 0 },
      deployment: { id: 0, hash: '', target: 'account', status: 'ready' },
      lockfile: {},
    });
    expect(payload.server).toBeUndefined();
    expect(payload.credentials?.access_token).toBe(DEV_TOKENS.customerPro);
  });
});
