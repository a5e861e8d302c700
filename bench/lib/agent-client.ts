import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { signAgentRequest } from '../../src/auth/agent/signature.js';
import { canonicalJson } from '../../test/helpers/fake-agent.js';
import type { SeededAgent } from './seed.js';

/*
 * A simulated Status Panel agent on raw HTTP, sending what the deployed v0.2.x agent sends (the six
 * headers, a v1 signature over the exact body bytes, `?timeout=N&priority=` on the long-poll, report
 * bodies as compact JSON with sorted keys: see test/helpers/fake-agent.ts). Sockets come from one
 * keep-alive http.Agent with no socket cap, so 10,000 agents hold 10,000 sockets and nothing more.
 */

export interface PolledCommand {
  command_id: string;
  type: string;
  deployment_hash: string;
  parameters: Record<string, unknown>;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

export function createHttpAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 100_000 });
}

/** One request; resolves with the whole body. `onSocket` fires once the TCP connection is up. */
export function request(
  httpAgent: http.Agent,
  port: number,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: string,
  track?: (req: http.ClientRequest) => void,
  localAddress?: string,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, method, path, headers, agent: httpAgent, localAddress };
    const req = http.request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    track?.(req);
    req.end(body);
  });
}

export class BenchAgent {
  /** A v1 signature covers only the body: for a GET (empty body) it is the same on every poll. */
  private readonly getSignature: string;
  readonly id: string;
  readonly hash: string;
  private readonly token: string;

  /**
   * The source address of this agent's sockets: the fleet spreads agents over 127.0.0.1–8, so that
   * tens of thousands of connections to one port do not run out of ephemeral ports on one address.
   */
  constructor(
    seeded: SeededAgent,
    readonly localAddress = '127.0.0.1',
  ) {
    this.id = seeded.id;
    this.hash = seeded.hash;
    this.token = seeded.token;
    this.getSignature = this.sign('');
  }

  private sign(body: string): string {
    return signAgentRequest({
      version: 1,
      token: this.token,
      method: 'GET',
      rawUrl: '',
      timestamp: undefined,
      requestId: undefined,
      body: Buffer.from(body, 'utf8'),
    });
  }

  private headers(signature: string): Record<string, string> {
    return {
      'x-agent-id': this.id,
      authorization: `Bearer ${this.token}`,
      'x-timestamp': String(Math.floor(Date.now() / 1000)),
      'x-request-id': randomUUID(),
      'x-agent-signature': signature,
    };
  }

  pollPath(timeoutSecs: number): string {
    return `/api/v1/agent/commands/wait/${this.hash}?timeout=${timeoutSecs}&priority=`;
  }

  poll(
    httpAgent: http.Agent,
    port: number,
    timeoutSecs: number,
    track?: (req: http.ClientRequest) => void,
  ): Promise<HttpAnswer> {
    return request(
      httpAgent,
      port,
      'GET',
      this.pollPath(timeoutSecs),
      this.headers(this.getSignature),
      undefined,
      track,
      this.localAddress,
    );
  }

  /** Reports a successful `server_resources`/`list_containers`-style result for `command`. */
  report(httpAgent: http.Agent, port: number, command: PolledCommand): Promise<HttpAnswer> {
    // The deployed agent's wire form: compact JSON, keys sorted at every level.
    const body = canonicalJson({
      command_id: command.command_id,
      completed_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      deployment_hash: command.deployment_hash,
      error: null,
      executed_by: 'status_panel',
      result: { type: command.type, deployment_hash: command.deployment_hash, status: 'ok' },
      status: 'success',
    });
    const headers = { ...this.headers(this.sign(body)), 'content-type': 'application/json' };
    const path = '/api/v1/agent/commands/report';
    return request(httpAgent, port, 'POST', path, headers, body, undefined, this.localAddress);
  }
}
