import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ComposeAgentPeer,
  type ComposeAgentPeerOptions,
  startComposeAgentPeer,
} from '../helpers/compose-agent-peer.js';

// The peer is what the compose tests trust to play the real agent, so its own checks are tested here
// with hand-built requests, independently of Stacker's client.

const peers: ComposeAgentPeer[] = [];
afterEach(async () => {
  for (const peer of peers.splice(0)) await peer.close();
});

let clockMs = Date.parse('2025-05-01T10:00:00Z');

async function startPeer(options: ComposeAgentPeerOptions = {}) {
  clockMs = Date.parse('2025-05-01T10:00:00Z');
  const peer = await startComposeAgentPeer({ now: () => clockMs, ...options });
  peers.push(peer);
  return peer;
}

interface Send {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string | undefined>;
  encoding?: 'base64' | 'hex';
  path?: string;
}

function command(name: string, params: Record<string, unknown> = {}) {
  const id = randomUUID();
  return {
    id,
    command_id: id,
    name,
    deployment_hash: 'dep-1',
    app_code: 'web',
    params: { deployment_hash: 'dep-1', app_code: 'web', ...params },
  };
}

async function send(peer: ComposeAgentPeer, options: Send = {}) {
  const raw = options.rawBody ?? JSON.stringify(options.body ?? command('health'));
  const signature = createHmac('sha256', peer.state.token)
    .update(raw)
    .digest(options.encoding ?? 'base64');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-agent-id': peer.state.agentId,
    'x-timestamp': String(Math.floor(clockMs / 1000)),
    'x-request-id': randomUUID(),
    'x-agent-signature': signature,
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const response = await request(`${peer.url}${options.path ?? '/api/v1/commands/execute'}`, {
    method: 'POST',
    headers,
    body: raw,
  });
  return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
}

describe('compose agent peer: authentication', () => {
  it('accepts a request signed with standard base64 and answers the compose envelope', async () => {
    const peer = await startPeer();
    const body = command('health');
    const reply = await send(peer, { body });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      command_id: body.command_id,
      status: 'success',
      error: null,
      executed_by: 'compose_agent',
      completed_at: new Date(clockMs).toISOString(),
    });
  });

  it('refuses the same HMAC sent as hex', async () => {
    const peer = await startPeer();
    expect(await send(peer, { encoding: 'hex' })).toEqual({
      status: 401,
      body: { error: 'invalid signature: signature mismatch' },
    });
  });

  it('refuses a missing or foreign agent id, a missing signature and a missing timestamp', async () => {
    const peer = await startPeer();
    expect((await send(peer, { headers: { 'x-agent-id': undefined } })).status).toBe(401);
    expect((await send(peer, { headers: { 'x-agent-id': 'someone-else' } })).status).toBe(401);
    expect((await send(peer, { headers: { 'x-agent-signature': undefined } })).status).toBe(401);
    expect((await send(peer, { headers: { 'x-timestamp': undefined } })).status).toBe(401);
    expect((await send(peer, { headers: { 'x-timestamp': 'yesterday' } })).status).toBe(401);
  });

  it('refuses a body changed after signing', async () => {
    const peer = await startPeer();
    const raw = JSON.stringify(command('health'));
    const signature = createHmac('sha256', peer.state.token).update(raw).digest('base64');
    const reply = await send(peer, {
      rawBody: raw.replace('web', 'db'),
      headers: { 'x-agent-signature': signature },
    });
    expect(reply.status).toBe(401);
  });

  it('accepts a timestamp within the skew and refuses one beyond it', async () => {
    const peer = await startPeer();
    const at = (offsetSecs: number) => String(Math.floor(clockMs / 1000) + offsetSecs);
    expect((await send(peer, { headers: { 'x-timestamp': at(-300) } })).status).toBe(200);
    expect((await send(peer, { headers: { 'x-timestamp': at(300) } })).status).toBe(200);
    expect((await send(peer, { headers: { 'x-timestamp': at(-301) } })).status).toBe(401);
    expect((await send(peer, { headers: { 'x-timestamp': at(301) } })).status).toBe(401);
  });

  it('refuses a reused request id with 409 for 600 s, and requires one', async () => {
    const peer = await startPeer();
    const requestId = randomUUID();
    expect((await send(peer, { headers: { 'x-request-id': requestId } })).status).toBe(200);
    expect(await send(peer, { headers: { 'x-request-id': requestId } })).toEqual({
      status: 409,
      body: { error: 'replay detected' },
    });
    clockMs += 599_000;
    expect((await send(peer, { headers: { 'x-request-id': requestId } })).status).toBe(409);
    clockMs += 1_000;
    expect((await send(peer, { headers: { 'x-request-id': requestId } })).status).toBe(200);
    expect((await send(peer, { headers: { 'x-request-id': undefined } })).status).toBe(400);
  });

  it('rate-limits per agent id over a sliding minute', async () => {
    const peer = await startPeer({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i += 1) expect((await send(peer)).status).toBe(200);
    expect(await send(peer)).toEqual({ status: 429, body: { error: 'rate limited' } });
    clockMs += 60_000;
    expect((await send(peer)).status).toBe(200);
  });
});

describe('compose agent peer: payloads and results', () => {
  it.each(['id', 'command_id', 'name', 'params'])('answers 400 when %s is missing', async (field) => {
    const peer = await startPeer();
    const body: Record<string, unknown> = command('health');
    delete body[field];
    const reply = await send(peer, { body });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toContain(field);
  });

  it('answers 400 for a missing app code in params, an unknown command and a body that is not JSON', async () => {
    const peer = await startPeer();
    const noApp = command('restart');
    delete (noApp.params as Record<string, unknown>).app_code;
    expect(await send(peer, { body: noApp })).toEqual({
      status: 400,
      body: { error: 'invalid restart payload: missing field `app_code`' },
    });
    expect((await send(peer, { body: command('format_disk') })).status).toBe(400);
    expect((await send(peer, { rawBody: '{not json' })).status).toBe(400);
  });

  it('answers health for an unknown app with status unknown, and fails a restart of it', async () => {
    const peer = await startPeer();
    const health = await send(peer, { body: command('health', { app_code: 'ghost' }) });
    expect(health.body.result).toMatchObject({ type: 'health', app_code: 'ghost', status: 'unknown' });
    const restart = await send(peer, { body: command('restart', { app_code: 'ghost' }) });
    expect(restart.status).toBe(200);
    expect(restart.body).toMatchObject({
      status: 'failed',
      errors: [{ code: 'container_not_found' }],
    });
  });

  it('pages logs with the cursor and filters streams', async () => {
    const peer = await startPeer();
    const first = await send(peer, { body: command('logs', { limit: 2 }) });
    expect(first.body.result).toMatchObject({ type: 'logs', app_code: 'web', cursor: '2', truncated: true });
    const lines = (first.body.result as { lines: { message: string; stream: string; redacted: boolean }[] })
      .lines;
    expect(lines.map((l) => l.message)).toEqual(['listening on :8080', 'GET /health 200 1ms']);
    const rest = await send(peer, { body: command('logs', { limit: 2, cursor: '2' }) });
    expect(rest.body.result).toMatchObject({ cursor: '3', truncated: false });
    const stderr = await send(peer, { body: command('logs', { streams: ['stderr'] }) });
    const stderrLines = (stderr.body.result as { lines: { stream: string }[] }).lines;
    expect(stderrLines.map((l) => l.stream)).toEqual(['stderr']);
    expect((await send(peer, { body: command('logs', { limit: 0 }) })).status).toBe(400);
  });

  it('stops and starts containers, and health reflects it', async () => {
    const peer = await startPeer();
    const stop = await send(peer, { body: command('stop') });
    expect(stop.body.result).toMatchObject({ type: 'stop', status: 'ok', container_state: 'exited' });
    const all = await send(peer, { body: command('health', { app_code: 'all' }) });
    expect(all.body.result).toMatchObject({ type: 'all_health', status: 'degraded' });
    expect(
      (all.body.result as { containers: { container_state: string }[] }).containers[0]?.container_state,
    ).toBe('exited');
    const start = await send(peer, { body: command('start') });
    expect(start.body.result).toMatchObject({ container_state: 'running' });
  });
});

describe('compose agent peer: faults and records', () => {
  it('applies a fault for the given number of requests, then behaves again', async () => {
    const peer = await startPeer();
    peer.state.injectFault({ kind: 'status', status: 500, error: 'docker daemon down' }, 1);
    expect(await send(peer)).toEqual({ status: 500, body: { error: 'docker daemon down' } });
    expect((await send(peer)).status).toBe(200);
    expect(peer.state.requests.map((r) => r.answeredStatus)).toEqual([500, 200]);
  });

  it('records every request, including ones it refuses, and answers 404 off the execute route', async () => {
    const peer = await startPeer();
    expect((await send(peer, { path: '/api/v1/commands/enqueue' })).status).toBe(404);
    expect((await send(peer, { encoding: 'hex' })).status).toBe(401);
    expect(peer.state.requests.map((r) => [r.path, r.answeredStatus])).toEqual([
      ['/api/v1/commands/enqueue', 404],
      ['/api/v1/commands/execute', 401],
    ]);
  });

  it('binds to loopback only', async () => {
    await expect(startComposeAgentPeer({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
  });
});
