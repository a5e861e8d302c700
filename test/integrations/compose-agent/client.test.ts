import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toAppError } from '../../../src/integrations/compose-agent/index.js';
import { composeHarness, requestFor, UUID_V4 } from './harness.js';

const h = composeHarness();

describe('compose agent client: the signed execute call', () => {
  it('sends the contract body and headers, signed so the agent accepts it', async () => {
    const peerNow = Date.parse('2025-03-01T12:00:00Z');
    const peer = await h.peer({ now: () => peerNow });
    const client = h.client({ now: () => new Date(peerNow) });

    const outcome = await client.execute(
      requestFor(peer, { name: 'logs', params: { limit: 2, redact: true } }),
    );

    expect(outcome.kind).toBe('ok');
    const [received] = peer.state.requests;
    expect(received?.answeredStatus).toBe(200);
    expect(received?.method).toBe('POST');
    expect(received?.path).toBe('/api/v1/commands/execute');
    expect(received?.headers['content-type']).toBe('application/json');
    expect(received?.headers['x-agent-id']).toBe(peer.state.agentId);
    expect(received?.headers['x-timestamp']).toBe(String(peerNow / 1000));
    expect(received?.headers['x-request-id']).toMatch(UUID_V4);
    expect(received?.headers['x-request-id']).toBe(outcome.requestId);
    const expected = createHmac('sha256', peer.state.token)
      .update(received?.rawBody ?? '')
      .digest('base64');
    expect(received?.headers['x-agent-signature']).toBe(expected);
    expect(received?.body).toEqual({
      id: outcome.commandId,
      command_id: outcome.commandId,
      name: 'logs',
      deployment_hash: 'dep-hash-1',
      app_code: 'web',
      params: { limit: 2, redact: true, deployment_hash: 'dep-hash-1', app_code: 'web' },
    });
    expect(outcome.commandId).toMatch(UUID_V4);
  });

  it('uses a new request id per call and the caller command id when given', async () => {
    const peer = await h.peer();
    const client = h.client();
    const first = await client.execute(
      requestFor(peer, { commandId: '0b4f1a47-31a1-4c52-9c87-3f4d3f0e9a11' }),
    );
    const second = await client.execute(requestFor(peer));
    expect(first.kind).toBe('ok');
    expect(second.kind).toBe('ok');
    expect(first.commandId).toBe('0b4f1a47-31a1-4c52-9c87-3f4d3f0e9a11');
    expect(first.requestId).not.toBe(second.requestId);
    expect(second.commandId).not.toBe(first.commandId);
  });

  it('never lets params override the deployment hash or app code', async () => {
    const peer = await h.peer();
    await h.client().execute(requestFor(peer, { params: { deployment_hash: 'other', app_code: 'db' } }));
    expect(peer.state.requests[0]?.body).toMatchObject({
      params: { deployment_hash: 'dep-hash-1', app_code: 'web' },
    });
  });
});

describe('compose agent client: results', () => {
  it('returns the health result of one app and of all apps', async () => {
    const peer = await h.peer();
    const client = h.client();
    const one = await client.execute(requestFor(peer, { params: { include_metrics: false } }));
    expect(one).toMatchObject({
      kind: 'ok',
      result: {
        type: 'health',
        deployment_hash: 'dep-hash-1',
        app_code: 'web',
        status: 'ok',
        container_state: 'running',
      },
    });
    expect(one.kind === 'ok' && (one.result as Record<string, unknown>).metrics).toBeUndefined();

    const all = await client.execute(requestFor(peer, { appCode: 'all', params: { include_metrics: true } }));
    expect(all).toMatchObject({ kind: 'ok', result: { type: 'all_health', status: 'ok' } });
    const containers =
      all.kind === 'ok'
        ? (all.result as { containers: { app_code: string; metrics?: unknown }[] }).containers
        : [];
    expect(containers.map((c) => c.app_code)).toEqual(['web', 'db']);
    expect(containers.every((c) => c.metrics !== undefined)).toBe(true);
  });

  it('returns a restart result and the peer restarts the container', async () => {
    const peer = await h.peer();
    const outcome = await h.client().execute(requestFor(peer, { name: 'restart', params: { force: false } }));
    expect(outcome).toMatchObject({
      kind: 'ok',
      result: { type: 'restart', app_code: 'web', status: 'ok', container_state: 'running', errors: [] },
      reply: { status: 'success', executed_by: 'compose_agent' },
    });
    expect(peer.state.apps.get('web')?.restarts).toBe(1);
  });
});

describe('compose agent client: the contract mapping', () => {
  it('maps a 200 with status failed to agent_failed → 502 with the agent errors', async () => {
    const peer = await h.peer();
    peer.state.injectFault({
      kind: 'failed',
      error: 'restart failed',
      errors: [{ code: 'docker', message: 'boom' }],
    });
    const outcome = await h.client().execute(requestFor(peer, { name: 'restart' }));
    expect(outcome).toMatchObject({
      kind: 'agent_failed',
      status: 200,
      error: 'restart failed',
      errors: [{ code: 'docker', message: 'boom' }],
    });
    if (outcome.kind === 'ok') throw new Error('expected a failure');
    const problem = toAppError(outcome);
    expect([problem.status, problem.code]).toEqual([502, 'compose_agent_error']);
    expect(problem.errors).toEqual([{ path: 'compose_agent', message: 'boom' }]);
  });

  it.each([400, 401, 403, 409, 500])('maps the agent answering %i to agent_failed → 502', async (status) => {
    const peer = await h.peer();
    peer.state.injectFault({ kind: 'status', status, error: `agent says ${status}` });
    const outcome = await h.client().execute(requestFor(peer));
    expect(outcome).toMatchObject({ kind: 'agent_failed', status, error: `agent says ${status}` });
    if (outcome.kind === 'ok') throw new Error('expected a failure');
    expect(toAppError(outcome).status).toBe(502);
  });

  it('maps a real signature refusal (wrong token) to agent_failed 401', async () => {
    const peer = await h.peer();
    const outcome = await h.client().execute(requestFor(peer, { token: 'not-the-token' }));
    expect(outcome).toMatchObject({
      kind: 'agent_failed',
      status: 401,
      error: 'invalid signature: signature mismatch',
    });
  });

  it('maps a skewed clock to the agent refusing it (401)', async () => {
    const peer = await h.peer();
    const outcome = await h.client({ now: () => new Date(Date.now() - 301_000) }).execute(requestFor(peer));
    expect(outcome).toMatchObject({ kind: 'agent_failed', status: 401 });
  });

  it('maps the agent 429 to rate_limited → 429 with Retry-After 60', async () => {
    const peer = await h.peer({ rateLimitPerMinute: 2 });
    const client = h.client();
    expect((await client.execute(requestFor(peer))).kind).toBe('ok');
    expect((await client.execute(requestFor(peer))).kind).toBe('ok');
    const outcome = await client.execute(requestFor(peer));
    expect(outcome.kind).toBe('rate_limited');
    if (outcome.kind === 'ok') throw new Error('expected a failure');
    expect(toAppError(outcome).headers).toEqual({ 'retry-after': '60' });
  });

  it('maps an agent slower than the timeout to timeout → 504', async () => {
    const peer = await h.peer();
    peer.state.injectFault({ kind: 'delay', ms: 2_000 });
    const outcome = await h.client({ timeoutMs: 200 }).execute(requestFor(peer));
    expect(outcome.kind).toBe('timeout');
    if (outcome.kind === 'ok') throw new Error('expected a failure');
    expect(toAppError(outcome).status).toBe(504);
  });

  it('maps a closed port to unreachable (refused) → 503', async () => {
    const peer = await h.peer();
    const url = peer.url;
    await peer.close();
    const outcome = await h.client().execute({ ...requestFor(peer), url });
    expect(outcome).toMatchObject({ kind: 'unreachable', reason: 'refused' });
    if (outcome.kind === 'ok') throw new Error('expected a failure');
    expect([toAppError(outcome).status, toAppError(outcome).code]).toEqual([
      503,
      'compose_agent_unreachable',
    ]);
  });

  it('refuses a reply larger than the limit', async () => {
    const peer = await h.peer();
    const outcome = await h.client({ maxReplyBytes: 64 }).execute(requestFor(peer, { appCode: 'all' }));
    expect(outcome).toMatchObject({ kind: 'agent_failed', status: 200, error: 'the reply is too large' });
  });
});
