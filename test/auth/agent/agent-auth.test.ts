import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { deploymentWithAgent, enqueue, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { FakeAgent } from '../../helpers/fake-agent.js';

interface VectorCase {
  name: string;
  method: string;
  path: string;
  body: string;
  x_agent_signature: string;
  x_agent_signature_hex?: string;
  x_agent_signature_version?: string;
  expect?: 'reject';
}
const vectors = JSON.parse(
  readFileSync(path.resolve(process.cwd(), 'test/fixtures/vectors/agent-signatures.json'), 'utf8'),
) as { agent_token: string; x_timestamp: string; x_request_id: string; cases: VectorCase[] };

const clock = new ManualClock(new Date(Number(vectors.x_timestamp) * 1000));
let t: TestApp;
let f: Fixture;

beforeAll(async () => {
  t = await buildTestApp({ clock });
  f = await deploymentWithAgent(t, { clock });
});
afterAll(async () => {
  await t.close();
});

const problem = (res: { statusCode: number; json(): unknown }) => ({
  status: res.statusCode,
  code: (res.json() as { code?: string }).code,
});

describe('the contract test vectors, end to end', () => {
  it('accepts every vector over HTTP (v1 base64 and hex, v2) and refuses the tampered body', async () => {
    const hash = 'deployment_0b6d1f8e-2a3c-4d5e-8f9a-1b2c3d4e5f60';
    await insertDeployment(t.database.db, { userId: userId('vendor'), hash });
    const agent = await t.database.db
      .insertInto('agent')
      .values({ deployment_hash: hash, token_ciphertext: t.app.secretBox.seal(vectors.agent_token) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const insertCommand = (id: string, appCode: string) =>
      t.database.db
        .insertInto('command')
        .values({
          command_id: id,
          deployment_hash: hash,
          type: 'health',
          app_code: appCode,
          status: 'queued',
          created_by: 'x',
        })
        .execute();
    // One for the v1 poll (then reported by the v1 report), one for the v2 poll.
    await insertCommand('cmd_3f9a1c2e-7b4d-4e8f-9a1b-2c3d4e5f6a7b', 'web');
    await insertCommand(`cmd_${randomUUID()}`, 'db');

    const send = async (c: VectorCase, signature: string) => {
      // Every vector uses the same request id: forget it between cases so check 4 does not interfere.
      await t.database.db.deleteFrom('agent_request_seen').execute();
      return t.app.inject({
        method: c.method as 'GET' | 'POST',
        url: c.path,
        ...(c.method === 'POST' ? { payload: c.body } : {}),
        headers: {
          'x-agent-id': agent.id,
          authorization: `Bearer ${vectors.agent_token}`,
          'x-timestamp': vectors.x_timestamp,
          'x-request-id': vectors.x_request_id,
          'x-agent-signature': signature,
          ...(c.x_agent_signature_version
            ? { 'x-agent-signature-version': c.x_agent_signature_version }
            : {}),
          ...(c.method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
      });
    };
    const statuses: Record<string, number> = {};
    for (const c of vectors.cases) {
      const res = await send(c, c.x_agent_signature);
      statuses[c.name] = res.statusCode;
      if (c.expect === 'reject') expect(problem(res)).toEqual({ status: 400, code: 'bad_signature' });
      else expect(res.statusCode, `${c.name}: ${res.body}`).toBe(200);
      if (c.x_agent_signature_hex) expect((await send(c, c.x_agent_signature_hex)).statusCode).toBe(200);
    }
    expect(Object.keys(statuses)).toHaveLength(vectors.cases.length);
    const reported = await t.database.db
      .selectFrom('command')
      .select(['status'])
      .where('command_id', '=', 'cmd_3f9a1c2e-7b4d-4e8f-9a1b-2c3d4e5f6a7b')
      .executeTakeFirstOrThrow();
    expect(reported.status).toBe('completed');
  });
});

describe('check 1: agent id and bearer → 401 agent_unauthorized', () => {
  it('refuses a malformed id, a missing or wrong bearer, an unknown or revoked agent', async () => {
    const url = f.agent.waitUrl(5);
    const h = f.agent.headers('GET', url, '');
    const cases: Record<string, Record<string, string>> = {
      malformed: { ...h, 'x-agent-id': 'not-a-uuid' },
      missing: Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'authorization')),
      wrong: { ...h, authorization: `Bearer ${'x'.repeat(86)}` },
      unknown: { ...h, 'x-agent-id': randomUUID() },
      basic: { ...h, authorization: 'Basic abc' },
    };
    for (const [name, headers] of Object.entries(cases)) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(problem(res), name).toEqual({ status: 401, code: 'agent_unauthorized' });
    }
    const other = await deploymentWithAgent(t, { clock });
    await t.database.db
      .updateTable('agent')
      .set({ revoked_at: clock.now() })
      .where('id', '=', other.agent.id)
      .execute();
    const revoked = await other.agent.poll(5);
    expect(problem(revoked)).toEqual({ status: 401, code: 'agent_unauthorized' });
  });

  it('checks the bearer before the body is read (an unauthenticated huge report is 401, not 413)', async () => {
    const body = JSON.stringify({ blob: 'x'.repeat(9 * 1024 * 1024) });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agent/commands/report',
      payload: body,
      headers: {
        ...f.agent.headers('POST', '/api/v1/agent/commands/report', body),
        authorization: 'Bearer nope',
      },
    });
    expect(problem(res)).toEqual({ status: 401, code: 'agent_unauthorized' });
  });

  it('answers an agent on a route it may not use with 404, never 403', async () => {
    const url = `/api/v1/commands/${f.hash}`;
    const res = await t.app.inject({ method: 'GET', url, headers: f.agent.headers('GET', url, '') });
    expect(res.statusCode).toBe(404);
  });
});

describe('checks 2–5', () => {
  it('refuses a stale or missing timestamp with 400 stale_timestamp', async () => {
    const url = f.agent.waitUrl(5);
    const old = String(Math.floor(clock.now().getTime() / 1000) - 301);
    const stale = await t.app.inject({
      method: 'GET',
      url,
      headers: f.agent.headers('GET', url, '', { 'x-timestamp': old }),
    });
    expect(problem(stale)).toEqual({ status: 400, code: 'stale_timestamp' });
    const headers = f.agent.headers('GET', url, '');
    delete headers['x-timestamp'];
    expect(problem(await t.app.inject({ method: 'GET', url, headers }))).toEqual({
      status: 400,
      code: 'stale_timestamp',
    });
  });

  it('refuses a wrong or missing signature with 400 bad_signature', async () => {
    const body = f.agent.reportBody({ command_id: 'cmd_x', deployment_hash: f.hash }, null);
    const url = '/api/v1/agent/commands/report';
    const signedOther = f.agent.headers('POST', url, `${body} `);
    const wrong = await t.app.inject({ method: 'POST', url, payload: body, headers: signedOther });
    expect(problem(wrong)).toEqual({ status: 400, code: 'bad_signature' });
    const headers = f.agent.headers('POST', url, body);
    delete headers['x-agent-signature'];
    expect(problem(await t.app.inject({ method: 'POST', url, payload: body, headers }))).toEqual({
      status: 400,
      code: 'bad_signature',
    });
    const badVersion = f.agent.headers('POST', url, body, { 'x-agent-signature-version': '3' });
    expect(problem(await t.app.inject({ method: 'POST', url, payload: body, headers: badVersion }))).toEqual({
      status: 400,
      code: 'bad_signature',
    });
  });

  it('accepts v2 signatures, which bind the method and path', async () => {
    const v2 = new FakeAgent(t.app, f.agent.id, f.agent.token, f.hash, { clock, signatureVersion: 2 });
    const queued = await enqueue(t, f, 'health', { app_code: 'v2' });
    const polled = await v2.poll(5);
    expect(polled.json().item.command_id).toBe(queued.command_id);
    // The same signature replayed on another path fails: the path is signed.
    const url = v2.waitUrl(6);
    const headers = v2.headers('GET', v2.waitUrl(5), '');
    expect(problem(await t.app.inject({ method: 'GET', url, headers }))).toEqual({
      status: 400,
      code: 'bad_signature',
    });
  });

  it('refuses a request id used before by this agent with 409 replayed_request', async () => {
    const url = f.agent.waitUrl(5);
    await enqueue(t, f, 'health', { app_code: 'replay' });
    const headers = f.agent.headers('GET', url, '');
    expect((await t.app.inject({ method: 'GET', url, headers })).statusCode).toBe(200);
    expect(problem(await t.app.inject({ method: 'GET', url, headers }))).toEqual({
      status: 409,
      code: 'replayed_request',
    });
    const missing = f.agent.headers('GET', url, '');
    delete missing['x-request-id'];
    expect(problem(await t.app.inject({ method: 'GET', url, headers: missing })).status).toBe(400);
  });

  it("refuses another deployment's path or body with 400 wrong_deployment", async () => {
    const other = await deploymentWithAgent(t, { clock });
    const url = `/api/v1/agent/commands/wait/${other.hash}?timeout=5&priority=`;
    expect(
      problem(await t.app.inject({ method: 'GET', url, headers: f.agent.headers('GET', url, '') })),
    ).toEqual({
      status: 400,
      code: 'wrong_deployment',
    });
    const report = await f.agent.post(
      '/api/v1/agent/commands/report',
      f.agent.reportBody({ command_id: 'cmd_x', deployment_hash: other.hash }, null),
    );
    expect(problem(report)).toEqual({ status: 400, code: 'wrong_deployment' });
    const status = await f.agent.post(
      '/api/v1/apps/status',
      JSON.stringify({
        deployment_hash: other.hash,
        app_code: 'web',
        status: 'running',
        logs: [],
        timestamp: 'x',
      }),
    );
    expect(problem(status)).toEqual({ status: 400, code: 'wrong_deployment' });
  });
});

describe('switches', () => {
  it('AGENT_SIGNATURE_MIN_VERSION=2 refuses v1; AGENT_SIGNATURE_MODE=log only logs', async () => {
    const shared = { clock, database: t.database, secretBox: t.app.secretBox };
    const strict = await buildTestApp({ ...shared, env: { AGENT_SIGNATURE_MIN_VERSION: '2' } });
    const lenient = await buildTestApp({ ...shared, env: { AGENT_SIGNATURE_MODE: 'log' } });
    try {
      const url = f.agent.waitUrl(5);
      await enqueue(t, f, 'health', { app_code: 'modes' });
      const v1 = await strict.app.inject({ method: 'GET', url, headers: f.agent.headers('GET', url, '') });
      expect(problem(v1)).toEqual({ status: 400, code: 'bad_signature' });
      const v2 = new FakeAgent(strict.app, f.agent.id, f.agent.token, f.hash, { clock, signatureVersion: 2 });
      expect((await v2.poll(5)).json().item.parameters.app_code).toBe('modes');

      await enqueue(t, f, 'health', { app_code: 'logmode' });
      const old = String(Math.floor(clock.now().getTime() / 1000) - 3600);
      const sloppy = await lenient.app.inject({
        method: 'GET',
        url,
        headers: f.agent.headers('GET', url, '', { 'x-timestamp': old, 'x-agent-signature': 'garbage' }),
      });
      expect(sloppy.statusCode).toBe(200);
      expect(sloppy.json().item.parameters.app_code).toBe('logmode');
    } finally {
      await strict.close();
      await lenient.close();
    }
  });
});

describe('registration needs a user or client', () => {
  it('is 401 for an anonymous caller', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agent/register',
      payload: { deployment_hash: f.hash, agent_version: '1', capabilities: [], system_info: {} },
    });
    expect(res.statusCode).toBe(401);
    expect(bearer('vendor').authorization).toMatch(/^Bearer /);
  });
});
