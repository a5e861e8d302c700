import { randomUUID } from 'node:crypto';
import { Agent } from 'undici';
import { hmacSha256 } from '../../infra/crypto/hmac.js';
import { classifyNetworkError } from './network-errors.js';
import type { CallIds, ComposeOutcome, ComposeResult } from './outcome.js';
import { mapReply } from './reply-mapping.js';
import { type ComposeNetworkPolicy, createSsrfGuard, type Resolver, type SsrfGuard } from './ssrf-guard.js';

/*
 * The one push path of Stacker (compose-agent.md): a signed, synchronous `POST {url}/api/v1/commands/execute`
 * to a host's compose agent. Create one client per process (it owns one undici Agent) and close it on
 * shutdown.
 */

export const EXECUTE_PATH = '/api/v1/commands/execute';

export interface ComposeAgentClientOptions {
  /** `config.compose`. */
  policy: ComposeNetworkPolicy;
  /** Whole exchange, connection to last body byte (10 s by contract). */
  timeoutMs?: number;
  /** Connection only; a host that never accepts the connection is unreachable, not slow. */
  connectTimeoutMs?: number;
  /** Bigger replies are refused (a logs result is at most 1000 lines). */
  maxReplyBytes?: number;
  /** For `X-Timestamp`; pass the app's clock. */
  now?: () => Date;
  /** DNS resolution (tests map names to addresses); node:dns `lookup` by default. */
  resolve?: Resolver;
}

export interface ExecuteRequest {
  /** The registered base URL (decrypted by the caller). */
  url: string;
  /** The compose agent's own id (`X-Agent-Id`). */
  composeAgentId: string;
  /** The compose agent token: the HMAC key. */
  token: string;
  /** Agent command: `health`, `logs`, `restart`, `start`, `stop`. */
  name: string;
  deploymentHash: string;
  appCode: string;
  params?: Record<string, unknown>;
  /** Defaults to a new uuid v4; pass one to tie the call to an audit record. */
  commandId?: string;
}

export interface ComposeAgentClient {
  /** Never throws for a reply or a network failure: the outcome says what happened. */
  execute(request: ExecuteRequest): Promise<ComposeOutcome>;
  close(): Promise<void>;
}

/** The body of an execute call; `deployment_hash` and `app_code` are repeated inside `params`. */
export function buildExecuteBody(request: ExecuteRequest, commandId: string): string {
  return JSON.stringify({
    id: commandId,
    command_id: commandId,
    name: request.name,
    deployment_hash: request.deploymentHash,
    app_code: request.appCode,
    params: { ...request.params, deployment_hash: request.deploymentHash, app_code: request.appCode },
  });
}

/** `X-Agent-Signature`: standard base64 (the agent does not read hex) of HMAC-SHA256(token, body bytes). */
export function signComposeBody(token: string, body: string | Buffer): string {
  return hmacSha256(token, body).toString('base64');
}

export function createComposeAgentClient(options: ComposeAgentClientOptions): ComposeAgentClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const connectTimeoutMs = Math.min(options.connectTimeoutMs ?? 5_000, timeoutMs);
  const maxReplyBytes = options.maxReplyBytes ?? 8 * 1024 * 1024;
  const now = options.now ?? (() => new Date());
  const guard: SsrfGuard = createSsrfGuard(
    options.policy,
    options.resolve ? { resolve: options.resolve } : {},
  );
  // - lookup: the socket connects to the address the guard checked (no DNS rebinding in between);
  // - pipelining 0 turns keep-alive off, so every call opens a connection and resolves the name again;
  // - no redirect interceptor is composed, and undici 7 follows no redirect without one.
  const agent = new Agent({
    connect: { lookup: guard.guardedLookup, timeout: connectTimeoutMs },
    pipelining: 0,
  });

  async function send(request: ExecuteRequest, ids: CallIds): Promise<ComposeResult> {
    const checked = guard.checkComposeUrl(request.url);
    // Node does not call the lookup for an IP literal, so the literal is checked here on every call.
    if (!checked.ok) {
      return {
        kind: 'unreachable',
        reason: checked.reason === 'blocked_address' ? 'blocked' : 'invalid_url',
      };
    }
    const target = new URL(checked.baseUrl + EXECUTE_PATH);
    const body = buildExecuteBody(request, ids.commandId);
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await agent.request({
        origin: target.origin,
        path: target.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-agent-id': request.composeAgentId,
          'x-timestamp': String(Math.floor(now().getTime() / 1000)),
          'x-request-id': ids.requestId,
          'x-agent-signature': signComposeBody(request.token, body),
        },
        body,
        signal,
      });
      const text = await readLimited(response.body, maxReplyBytes);
      if (text === undefined) {
        return {
          kind: 'agent_failed',
          status: response.statusCode,
          errors: [],
          error: 'the reply is too large',
        };
      }
      return mapReply(response.statusCode, text);
    } catch (err) {
      if (signal.aborted) return { kind: 'timeout' };
      return classifyNetworkError(err);
    }
  }

  return {
    async execute(request) {
      const ids: CallIds = { commandId: request.commandId ?? randomUUID(), requestId: randomUUID() };
      return { ...(await send(request, ids)), ...ids };
    },
    close: () => agent.close(),
  };
}

/** The body as text, or `undefined` once it passes `limit` bytes (the rest is not read). */
async function readLimited(body: AsyncIterable<Buffer> & { destroy(): void }, limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
