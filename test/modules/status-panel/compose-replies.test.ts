import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app.js';
import { composeHarness, composeUrl } from './compose-harness.js';
import { get, post } from './helpers.js';

const { app, peer, composeDeployment, restart, capabilities } = composeHarness();
let t: TestApp;
beforeAll(() => {
  t = app();
});

describe('compose agent replies mapped to Stacker replies', () => {
  it('a 200 with status failed is a failure: 502 compose_agent_error with the agent errors, redacted', async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    p.state.injectFault(
      {
        kind: 'failed',
        error: 'cannot read DB_PASSWORD=hunter2hunter2',
        errors: [{ code: 'x', message: 'boom' }],
      },
      1,
    );
    const res = await restart(f);
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({
      code: 'compose_agent_error',
      compose_agent_status: 200,
      errors: [{ path: 'compose_agent', message: 'boom' }],
    });
    expect(res.body).not.toContain('hunter2');
    // The container the agent cannot find is the same kind of failure.
    const missing = await restart(f, { app_code: 'nope' });
    expect(missing.statusCode).toBe(502);
    expect(missing.json().errors[0].message).toContain('no container for app nope');
  });

  it('a 401 for a wrong token is a 502, not a reason to fall back', async () => {
    const p = await peer();
    const f = await composeDeployment(p, { token: 'not-the-compose-agent-token-at-all' });
    const res = await get(t, composeUrl(f.hash, 'status'));
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'compose_agent_error', compose_agent_status: 401 });
    expect(p.state.requests[0]?.answeredStatus).toBe(401);
    expect(await capabilities(f.hash)).toMatchObject({ compose_agent: true });
  });

  it.each([403, 409, 500])('an agent %i is a 502', async (status) => {
    const p = await peer();
    const f = await composeDeployment(p);
    p.state.injectFault({ kind: 'status', status }, 1);
    const res = await restart(f);
    expect(res.statusCode).toBe(502);
    expect(res.json().compose_agent_status).toBe(status);
  });

  it("the agent's 429 is a 429 with Retry-After: 60", async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    p.state.injectFault({ kind: 'status', status: 429 }, 1);
    const res = await get(t, composeUrl(f.hash, 'status'));
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
  });

  it('a compose agent that does not answer in time is a 504', async () => {
    const p = await peer();
    const f = await composeDeployment(p);
    p.state.injectFault({ kind: 'delay', ms: 5_000 }, 1);
    const res = await get(t, composeUrl(f.hash, 'status'));
    expect(res.statusCode).toBe(504);
    expect(res.json().code).toBe('compose_agent_timeout');
    // It was reached: a slow agent is not an unreachable one.
    expect(await capabilities(f.hash)).toMatchObject({ compose_agent: true });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['outcome'])
      .where('deployment_hash', '=', f.hash)
      .where('action', '=', 'compose.status')
      .execute();
    expect(audit).toEqual([{ outcome: 'timeout' }]);
  });
});

describe('plan rate limits on the compose routes', () => {
  it('spends the restart bucket shared with the legacy route (free: 3 a minute)', async () => {
    const p = await peer();
    const f = await composeDeployment(p, { owner: 'customerFree' });
    const legacy = await post(t, `/api/v1/deployments/${f.hash}/containers/web/restart`, 'customerFree');
    expect(legacy.statusCode).toBe(202);
    expect((await restart(f, { app_code: 'web' }, 'customerFree')).statusCode).toBe(200);
    expect((await restart(f, { app_code: 'db' }, 'customerFree')).statusCode).toBe(200);
    const limited = await restart(f, { app_code: 'web' }, 'customerFree');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(p.state.requests).toHaveLength(2);
    // Status reads spend nothing.
    expect((await get(t, composeUrl(f.hash, 'status'), 'customerFree')).statusCode).toBe(200);
  });
});
