import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { executeCommand } from './commands.js';
import { ComposeAgentPeerState, type PeerStateOptions, type RecordedRequest } from './state.js';
import { verifyExecuteRequest } from './verify.js';

/*
 * A real HTTP server playing a host's compose agent (`status serve` with CONTROL_PLANE=compose_agent) as
 * compose-agent.md describes it: the signed `POST /api/v1/commands/execute`, answered synchronously.
 * Plain node:http, because the signature covers the exact body bytes and the peer needs nothing more.
 */

export const EXECUTE_ROUTE = '/api/v1/commands/execute';
const MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export interface ComposeAgentPeerOptions extends PeerStateOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: the peer's token is a fixed development value. */
  host?: string;
  /** Keeps apps, counters and recorded requests across a restart on the same port. */
  state?: ComposeAgentPeerState;
}

export interface ComposeAgentPeer {
  /** Base URL, as registered in Stacker (`http://127.0.0.1:PORT`). */
  url: string;
  port: number;
  state: ComposeAgentPeerState;
  /** Drops open connections at once, like a host going away. */
  close(): Promise<void>;
}

export async function startComposeAgentPeer(
  options: ComposeAgentPeerOptions = {},
): Promise<ComposeAgentPeer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host))
    throw new Error(`the compose agent peer binds to loopback only, not ${host}`);
  const state = options.state ?? new ComposeAgentPeerState(options);
  const closing = new AbortController();

  const server = createServer((request, response) => {
    handle(state, request, response, closing.signal).catch(() => {
      if (!response.headersSent) sendJson(response, 500, { error: 'peer failure' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    state,
    close: async () => {
      closing.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(
  state: ComposeAgentPeerState,
  request: IncomingMessage,
  response: ServerResponse,
  closing: AbortSignal,
): Promise<void> {
  const rawBody = await readBody(request);
  const headers = flatHeaders(request);
  const text = rawBody?.toString('utf8') ?? '';
  const record: RecordedRequest = {
    method: request.method ?? '',
    path: (request.url ?? '').split('?', 1)[0] ?? '',
    headers,
    rawBody: text,
    body: parseJson(text),
    receivedAt: new Date(state.now()),
  };
  state.requests.push(record);
  const reply = (status: number, body: unknown, extraHeaders: Record<string, string> = {}) => {
    record.answeredStatus = status;
    sendJson(response, status, body, extraHeaders);
  };

  if (rawBody === undefined) return reply(413, { error: 'payload too large' });
  if (record.method !== 'POST' || record.path !== EXECUTE_ROUTE) return reply(404, { error: 'not found' });

  const fault = state.takeFault();
  if (fault?.kind === 'delay') {
    await sleep(fault.ms, undefined, { ref: false, signal: closing }).catch(() => undefined);
    if (closing.aborted || response.destroyed) return;
  }
  if (fault?.kind === 'status')
    return reply(fault.status, { error: fault.error ?? `injected ${fault.status}` });
  if (fault?.kind === 'redirect')
    return reply(fault.status ?? 302, { error: 'moved' }, { location: fault.location });

  const verdict = verifyExecuteRequest(state, headers, rawBody);
  if (!verdict.ok) return reply(verdict.status, { error: verdict.error });
  if (record.body === undefined) return reply(400, { error: 'the body is not valid JSON' });

  const commandId = (record.body as { command_id?: unknown }).command_id ?? null;
  const envelope = (status: string, fields: Record<string, unknown>) => ({
    command_id: commandId,
    status,
    result: null,
    error: null,
    errors: [],
    completed_at: new Date(state.now()).toISOString(),
    executed_by: 'compose_agent',
    ...fields,
  });
  if (fault?.kind === 'failed') {
    const error = fault.error ?? 'injected failure';
    return reply(
      200,
      envelope('failed', { error, errors: fault.errors ?? [{ code: 'failed', message: error }] }),
    );
  }
  const execution = executeCommand(state, record.body);
  if (execution.kind === 'invalid') return reply(400, { error: execution.error });
  if (execution.kind === 'failed') {
    return reply(200, envelope('failed', { error: execution.error, errors: execution.errors }));
  }
  return reply(200, envelope('success', { result: execution.result }));
}

/** The body, or `undefined` when it passes the limit. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  if (response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
