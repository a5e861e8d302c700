/*
 * What the compose agent peer knows and remembers: its identity, the apps of its host, the request ids
 * it has seen, its rate-limit window, the requests it received and the fault a test asked for.
 */

export interface PeerApp {
  app_code: string;
  container_name: string;
  container_state: 'running' | 'starting' | 'exited' | 'failed' | 'unknown';
  status: 'ok' | 'unhealthy' | 'unknown';
  /** Served by `logs`, oldest first; the cursor is an index into this list. */
  logs: { stream: 'stdout' | 'stderr'; message: string }[];
  restarts: number;
}

/** How the peer misbehaves, for the next `times` requests (every request when omitted). */
export type PeerFault =
  /** Answers this status with `{"error": ...}` before looking at the request (401, 403, 500, 429, ...). */
  | { kind: 'status'; status: number; error?: string }
  /** Runs nothing and answers 200 with `status: "failed"`, `error` and `errors[]`. */
  | { kind: 'failed'; error?: string; errors?: unknown[] }
  /** Waits this long before handling the request (longer than the client's timeout to make it give up). */
  | { kind: 'delay'; ms: number }
  /** Answers a redirect to `location` (a client must never follow it). */
  | { kind: 'redirect'; status?: 301 | 302 | 307 | 308; location: string };

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  rawBody: string;
  /** The parsed body, or `undefined` when it is not JSON. */
  body: unknown;
  receivedAt: Date;
  /** The status the peer answered (filled in when the reply is sent). */
  answeredStatus?: number;
}

export interface PeerStateOptions {
  agentId?: string;
  token?: string;
  apps?: Omit<PeerApp, 'restarts'>[];
  /** Requests per `X-Agent-Id` per minute (the agent's default is 120). */
  rateLimitPerMinute?: number;
  /** How far `X-Timestamp` may be from the peer's clock (the agent's default is 300 s). */
  maxSkewSecs?: number;
  /** How long a seen `X-Request-Id` is refused (600 s). */
  replayWindowSecs?: number;
  /** Milliseconds since the epoch; tests move it to check skew and windows. */
  now?: () => number;
}

export const DEFAULT_PEER_AGENT_ID = 'compose-agent-dev';
// A fixed development token, like the User Service emulator's: the peer binds to loopback only.
export const DEFAULT_PEER_TOKEN = 'compose-agent-dev-token-0123456789abcdef';

export const DEFAULT_PEER_APPS: Omit<PeerApp, 'restarts'>[] = [
  {
    app_code: 'web',
    container_name: 'web-1',
    container_state: 'running',
    status: 'ok',
    logs: [
      { stream: 'stdout', message: 'listening on :8080' },
      { stream: 'stdout', message: 'GET /health 200 1ms' },
      { stream: 'stderr', message: 'warning: cache miss for /index' },
    ],
  },
  {
    app_code: 'db',
    container_name: 'db-1',
    container_state: 'running',
    status: 'ok',
    logs: [{ stream: 'stdout', message: 'database system is ready to accept connections' }],
  },
];

export class ComposeAgentPeerState {
  readonly agentId: string;
  token: string;
  readonly apps: Map<string, PeerApp>;
  rateLimitPerMinute: number;
  maxSkewSecs: number;
  replayWindowSecs: number;
  now: () => number;
  readonly requests: RecordedRequest[] = [];
  #fault: { fault: PeerFault; remaining: number } | undefined;
  readonly #seenRequestIds = new Map<string, number>();
  readonly #callsByAgent = new Map<string, number[]>();

  constructor(options: PeerStateOptions = {}) {
    this.agentId = options.agentId ?? DEFAULT_PEER_AGENT_ID;
    this.token = options.token ?? DEFAULT_PEER_TOKEN;
    this.apps = new Map((options.apps ?? DEFAULT_PEER_APPS).map((a) => [a.app_code, { ...a, restarts: 0 }]));
    this.rateLimitPerMinute = options.rateLimitPerMinute ?? 120;
    this.maxSkewSecs = options.maxSkewSecs ?? 300;
    this.replayWindowSecs = options.replayWindowSecs ?? 600;
    this.now = options.now ?? Date.now;
  }

  injectFault(fault: PeerFault, times = Number.POSITIVE_INFINITY): void {
    this.#fault = { fault, remaining: times };
  }

  clearFault(): void {
    this.#fault = undefined;
  }

  /** The fault for this request, counting it down. */
  takeFault(): PeerFault | undefined {
    const current = this.#fault;
    if (current === undefined) return undefined;
    current.remaining -= 1;
    if (current.remaining <= 0) this.#fault = undefined;
    return current.fault;
  }

  /** Sliding one-minute window per agent id; true when this call is within the limit (and counts it). */
  allowCall(agentId: string): boolean {
    const now = this.now();
    const recent = (this.#callsByAgent.get(agentId) ?? []).filter((t) => now - t < 60_000);
    const allowed = recent.length < this.rateLimitPerMinute;
    if (allowed) recent.push(now);
    this.#callsByAgent.set(agentId, recent);
    return allowed;
  }

  /** True the first time a request id is seen within the replay window (and remembers it). */
  rememberRequestId(requestId: string): boolean {
    const now = this.now();
    for (const [id, seenAt] of this.#seenRequestIds) {
      if (now - seenAt >= this.replayWindowSecs * 1000) this.#seenRequestIds.delete(id);
    }
    if (this.#seenRequestIds.has(requestId)) return false;
    this.#seenRequestIds.set(requestId, now);
    return true;
  }
}
