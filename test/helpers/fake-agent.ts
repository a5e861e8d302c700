import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { signAgentRequest } from '../../src/auth/agent/signature.js';
import type { Clock } from '../../src/infra/clock.js';
import { randomToken } from '../../src/infra/crypto/hmac.js';
import type { SecretBox } from '../../src/infra/crypto/secret-box.js';
import type { Database } from '../../src/infra/db/database.js';

/*
 * A stand-in for the deployed Status Panel agent (v0.2.x) that sends byte for byte what it sends:
 * the six headers on every call (GET and POST), the v1 signature over the raw body (the empty string
 * for a GET), `?timeout=30&priority=` on the long-poll, and report bodies as compact JSON with keys in
 * alphabetical order at every level, `error` as an explicit null and no `errors` key when there are none.
 */

/** Compact JSON with object keys sorted at every level (how the agent's serializer writes reports). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, sortKeys(record[k])]),
  );
}

export interface AgentCommand {
  command_id: string;
  type: string;
  deployment_hash: string;
  parameters: Record<string, unknown>;
  [key: string]: unknown;
}

export interface FakeAgentOptions {
  /** The clock the X-Timestamp comes from (the app's clock in tests that move time). */
  clock?: Clock;
  signatureVersion?: 1 | 2;
}

export class FakeAgent {
  signatureVersion: 1 | 2;
  /** The client address the app sees (per-address limits). */
  remoteAddress: string | undefined;
  private readonly clock: Clock;

  constructor(
    readonly app: FastifyInstance,
    readonly id: string,
    public token: string,
    readonly deploymentHash: string,
    options: FakeAgentOptions = {},
  ) {
    this.clock = options.clock ?? { now: () => new Date() };
    this.signatureVersion = options.signatureVersion ?? 1;
  }

  /** The headers the agent sends for `method url` with this exact body. */
  headers(
    method: string,
    url: string,
    body: string,
    overrides: Record<string, string> = {},
  ): Record<string, string> {
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    const requestId = randomUUID();
    const signature = signAgentRequest({
      version: this.signatureVersion,
      token: this.token,
      method,
      rawUrl: url,
      timestamp,
      requestId,
      body: Buffer.from(body, 'utf8'),
    });
    return {
      'x-agent-id': this.id,
      authorization: `Bearer ${this.token}`,
      'x-timestamp': timestamp,
      'x-request-id': requestId,
      'x-agent-signature': signature,
      ...(this.signatureVersion === 2 ? { 'x-agent-signature-version': '2' } : {}),
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      ...overrides,
    };
  }

  waitUrl(timeout = 30): string {
    return `/api/v1/agent/commands/wait/${this.deploymentHash}?timeout=${timeout}&priority=`;
  }

  poll(timeout = 30, overrides: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const url = this.waitUrl(timeout);
    const headers = this.headers('GET', url, '', overrides);
    return this.app.inject({ method: 'GET', url, headers, ...this.address() });
  }

  post(url: string, body: string, overrides: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const headers = this.headers('POST', url, body, overrides);
    return this.app.inject({ method: 'POST', url, payload: body, headers, ...this.address() });
  }

  private address() {
    return this.remoteAddress ? { remoteAddress: this.remoteAddress } : {};
  }

  /** `POST /api/v1/apps/status`: a cheap authenticated call that answers at once. */
  appStatus(appCode = 'web', status = 'running', logs: string[] = []): Promise<LightMyRequestResponse> {
    const body = canonicalJson({
      app_code: appCode,
      deployment_hash: this.deploymentHash,
      logs,
      status,
      timestamp: this.clock.now().toISOString(),
    });
    return this.post('/api/v1/apps/status', body);
  }

  /** The report body the agent builds for a command. */
  reportBody(
    command: Pick<AgentCommand, 'command_id' | 'deployment_hash'>,
    result: unknown,
    options: { status?: string; error?: unknown; errors?: unknown[]; commandStatus?: string } = {},
  ): string {
    return canonicalJson({
      command_id: command.command_id,
      completed_at: this.clock
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      deployment_hash: command.deployment_hash,
      error: options.error ?? null,
      executed_by: 'status_panel',
      result,
      status: options.status ?? 'success',
      ...(options.errors && options.errors.length > 0 ? { errors: options.errors } : {}),
      ...(options.commandStatus ? { command_status: options.commandStatus } : {}),
    });
  }

  report(
    command: Pick<AgentCommand, 'command_id' | 'deployment_hash'>,
    result: unknown,
    options: Parameters<FakeAgent['reportBody']>[2] = {},
  ): Promise<LightMyRequestResponse> {
    return this.post('/api/v1/agent/commands/report', this.reportBody(command, result, options));
  }

  /** One turn of the agent's loop: poll, run the command with `run`, report. */
  async runOnce(run: (command: AgentCommand) => unknown, timeout = 30): Promise<AgentCommand | null> {
    const polled = await this.poll(timeout);
    if (polled.statusCode !== 200) throw new Error(`poll answered ${polled.statusCode}: ${polled.body}`);
    const command = (polled.json() as { item: AgentCommand | null }).item;
    if (!command) return null;
    const reported = await this.report(command, run(command));
    if (reported.statusCode !== 200)
      throw new Error(`report answered ${reported.statusCode}: ${reported.body}`);
    return command;
  }
}

/** A healthy health result as the agent reports it. */
export function healthResult(command: AgentCommand): Record<string, unknown> {
  return {
    app_code: command.parameters.app_code,
    container_state: 'running',
    deployment_hash: command.deployment_hash,
    last_heartbeat_at: '2026-01-09T00:00:05Z',
    metrics: {
      cpu_pct: 0.12,
      mem_limit_bytes: 536870912,
      mem_pct: 4.5,
      mem_usage_mb: 24.1,
      rx_bytes: 1,
      tx_bytes: 2,
    },
    status: 'ok',
    type: 'health',
  };
}

/**
 * Registers an agent straight in the database (for tests that need many agents fast); the HTTP
 * registration path has its own tests.
 */
export async function insertAgent(
  db: Kysely<Database>,
  secretBox: SecretBox,
  deploymentHash: string,
  capabilities: string[] = ['status_panel', 'docker', 'logs', 'monitoring', 'compose'],
): Promise<{ id: string; token: string }> {
  const token = randomToken(64);
  const row = await db
    .insertInto('agent')
    .values({
      deployment_hash: deploymentHash,
      version: '0.2.1',
      capabilities: JSON.stringify(capabilities),
      token_ciphertext: secretBox.seal(token),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}
