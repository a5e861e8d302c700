import { Pool } from 'undici';
import { DEV_TOKENS } from '../../dev/user-service/index.js';

/*
 * A user of the command API (the emulator's vendor, who owns every seeded deployment) over a keep-alive
 * undici Pool. `server_resources` is the command type enqueued: it is read-only and spends no plan
 * rate-limit bucket, so the benchmark measures the queue, not the limiter.
 */

export const BENCH_COMMAND = 'server_resources';

export interface Enqueued {
  status: number;
  commandId: string | undefined;
  /** performance.now() when the request started and when its reply was fully read. */
  startedAt: number;
  answeredAt: number;
  body: string;
}

export class UserClient {
  private readonly pool: Pool;
  private readonly headers: Record<string, string>;

  constructor(origin: string, connections = 16, token: string = DEV_TOKENS.vendor) {
    this.pool = new Pool(origin, { connections, pipelining: 1 });
    this.headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  }

  async enqueue(
    deploymentHash: string,
    commandType: string = BENCH_COMMAND,
    parameters: Record<string, unknown> = {},
  ): Promise<Enqueued> {
    const startedAt = performance.now();
    const res = await this.pool.request({
      method: 'POST',
      path: '/api/v1/commands',
      headers: this.headers,
      body: JSON.stringify({ deployment_hash: deploymentHash, command_type: commandType, parameters }),
    });
    const body = await res.body.text();
    const answeredAt = performance.now();
    const commandId =
      res.statusCode === 201
        ? (JSON.parse(body) as { item: { command_id: string } }).item.command_id
        : undefined;
    return { status: res.statusCode, commandId, startedAt, answeredAt, body };
  }

  /** The command as the user reads it (status readable after the report). */
  async command(
    deploymentHash: string,
    commandId: string,
  ): Promise<{ status: number; commandStatus?: string }> {
    const res = await this.pool.request({
      method: 'GET',
      path: `/api/v1/commands/${deploymentHash}/${commandId}`,
      headers: { authorization: this.headers.authorization! },
    });
    const body = await res.body.text();
    if (res.statusCode !== 200) return { status: res.statusCode };
    return { status: 200, commandStatus: (JSON.parse(body) as { item: { status: string } }).item.status };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
