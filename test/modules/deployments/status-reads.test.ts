import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, type DevUser, userId } from '../../helpers/auth.js';
import { cliApiResponse, cliDeploymentStatusInfo, parseAsCli } from '../../helpers/cli-shapes.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { listedTemplate, type TestTemplate, UNLIMITED_DEPLOYS_ENV } from '../../helpers/templates.js';

// The reads `stacker deploy`, `stacker status` and `stacker list deployments` make, replayed as the CLI
// sends them and parsed as strictly as its structs; and force-complete.

let t: TestApp;
let free: TestTemplate;

beforeAll(async () => {
  t = await buildTestApp({ env: UNLIMITED_DEPLOYS_ENV });
  free = await listedTemplate(t);
});
afterAll(async () => {
  await t?.close();
});

const statusReply = cliApiResponse(cliDeploymentStatusInfo);

async function deploy(
  user: DevUser = 'customerFree',
): Promise<{ id: number; hash: string; projectId: number }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: bearer(user),
    payload: { template: free.slug, name: 'stack' },
  });
  expect(res.statusCode).toBe(201);
  const d = res.json().item.deployment;
  return { id: d.id, hash: d.deployment_hash, projectId: d.project_id };
}

const get = (url: string, user: DevUser = 'customerFree') =>
  t.app.inject({ method: 'GET', url, headers: bearer(user) });

async function setStatus(id: number, status: string) {
  await t.app.db.updateTable('deployment').set({ status }).where('id', '=', id).execute();
}

describe('GET /api/v1/deployments/{id} and /hash/{hash}', () => {
  it('reads a digits-only segment as the id and anything else as the hash, as the CLI parses it', async () => {
    const d = await deploy();
    const byId = parseAsCli(statusReply, (await get(`/api/v1/deployments/${d.id}`)).json());
    expect(byId.item).toMatchObject({ id: d.id, deployment_hash: d.hash, project_id: d.projectId });
    const byHash = parseAsCli(statusReply, (await get(`/api/v1/deployments/hash/${d.hash}`)).json());
    expect(byHash.item?.id).toBe(d.id);
    expect((await get(`/api/v1/deployments/${d.hash}`)).json().item.id).toBe(d.id);
  });

  it('reads a digits-only hash only through /hash/{hash}', async () => {
    const hash = String(9_000_000_000 + Math.floor(Math.random() * 1e6));
    await insertDeployment(t.app.db, { userId: userId('customerFree'), hash });
    expect((await get(`/api/v1/deployments/${hash}`)).statusCode).toBe(404);
    const res = await get(`/api/v1/deployments/hash/${hash}`);
    expect(res.statusCode).toBe(200);
    // A deployment without a project reads project_id 0: the CLI's struct has no null there.
    expect(parseAsCli(statusReply, res.json()).item?.project_id).toBe(0);
  });

  it("answers 404 for someone else's deployment and an unknown id", async () => {
    const d = await deploy('customerPro');
    expect((await get(`/api/v1/deployments/${d.id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/deployments/hash/${d.hash}`)).statusCode).toBe(404);
    expect((await get('/api/v1/deployments/2147483647')).statusCode).toBe(404);
    expect((await get('/api/v1/deployments/9999999999')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/deployments?project_id=&limit=', () => {
  it("lists only the project's deployments, newest first, as `stacker deploy` asks for the latest hash", async () => {
    const first = await deploy();
    await deploy(); // another project of the same user
    const res = await get(`/api/v1/deployments?project_id=${first.projectId}&limit=1`);
    expect(res.statusCode).toBe(200);
    const parsed = parseAsCli(statusReply, res.json());
    expect(parsed.list?.map((d) => d.deployment_hash)).toEqual([first.hash]);
  });

  it('clamps the limit to 1..500 instead of refusing it', async () => {
    expect((await get('/api/v1/deployments?limit=1000')).statusCode).toBe(200);
    const zero = await get('/api/v1/deployments?limit=0');
    expect(zero.statusCode).toBe(200);
    expect(zero.json().list.length).toBeLessThanOrEqual(1);
  });

  it("answers 404 Project not found for someone else's or an unknown project", async () => {
    const other = await deploy('customerPro');
    for (const id of [other.projectId, 2_000_000_000]) {
      const res = await get(`/api/v1/deployments?project_id=${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe('Project not found.');
    }
  });

  it('never sends a null project_id in the list (one null fails the whole list in the CLI)', async () => {
    await insertDeployment(t.app.db, { userId: userId('customerFree') });
    const parsed = parseAsCli(statusReply, (await get('/api/v1/deployments?limit=500')).json());
    expect(parsed.list?.length).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/deployments/project/{project_id}', () => {
  it("answers the project's newest deployment that is not deleted", async () => {
    const d = await deploy();
    const res = await get(`/api/v1/deployments/project/${d.projectId}`);
    expect(parseAsCli(statusReply, res.json()).item?.deployment_hash).toBe(d.hash);
    await setStatus(d.id, 'deleted');
    const gone = await get(`/api/v1/deployments/project/${d.projectId}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().detail).toBe('No deployment found for this project.');
  });

  it("answers 404 for someone else's project and a non-numeric id", async () => {
    const d = await deploy('customerPro');
    expect((await get(`/api/v1/deployments/project/${d.projectId}`)).statusCode).toBe(404);
    expect((await get('/api/v1/deployments/project/abc')).statusCode).toBe(404);
  });
});

describe('POST /api/v1/deployments/{id}/force-complete', () => {
  const force = (id: number | string, query = '', user: DevUser = 'customerFree') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/deployments/${id}/force-complete${query}`,
      headers: bearer(user),
    });

  it('completes a paused or error deployment and remembers where from', async () => {
    for (const status of ['paused', 'error']) {
      const d = await deploy();
      await setStatus(d.id, status);
      const res = await force(d.id);
      expect(res.statusCode).toBe(200);
      expect(parseAsCli(statusReply, res.json()).item?.status).toBe('completed');
      expect(res.json().item.metadata.force_completed_from).toBe(status);
    }
  });

  it('answers 409 invalid_transition from another status unless force=true, and never from deleted', async () => {
    const d = await deploy();
    await setStatus(d.id, 'in_progress');
    const refused = await force(d.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('invalid_transition');
    const forced = await force(d.id, '?force=true');
    expect(forced.statusCode).toBe(200);
    expect(forced.json().item.metadata).toMatchObject({
      force_completed_from: 'in_progress',
      force_override: true,
    });
    await setStatus(d.id, 'deleted');
    expect((await force(d.id, '?force=true')).statusCode).toBe(409);
  });

  it("answers 404 for someone else's deployment and changes nothing", async () => {
    const d = await deploy('customerPro');
    await setStatus(d.id, 'paused');
    expect((await force(d.id)).statusCode).toBe(404);
    const row = await t.app.db
      .selectFrom('deployment')
      .select('status')
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('paused');
  });
});
