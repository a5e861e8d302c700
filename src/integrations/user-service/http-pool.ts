import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from 'undici';
import { type CircuitBreaker, CircuitOpenError } from './circuit-breaker.js';
import { UserServiceUnavailableError } from './errors.js';
import { isRetryableStatus, jitteredDelay } from './retry-policy.js';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Overrides the pool's request timeout (webhooks get longer). */
  timeoutMs?: number;
}

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
}

export interface HttpPoolOptions {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** One entry per retry of an idempotent request; `[]` disables retries. */
  retryDelaysMs: readonly number[];
  breaker: CircuitBreaker;
}

/**
 * One keep-alive undici Agent per client: it pools connections per origin, so the token URL may live on
 * another host. Every attempt passes through the circuit breaker; a 5xx counts as a failure, a 4xx does
 * not (the service answered). The retry loop is written here rather than with undici's RetryAgent
 * because each attempt must be seen by the breaker and the pauses need jitter.
 */
export class HttpPool {
  readonly #agent: Agent;
  readonly #options: HttpPoolOptions;

  constructor(options: HttpPoolOptions) {
    this.#options = options;
    this.#agent = new Agent({ connect: { timeout: options.connectTimeoutMs } });
  }

  /** One attempt. Resolves with any HTTP reply; rejects with `UserServiceUnavailableError` otherwise. */
  async send(request: HttpRequest): Promise<HttpReply> {
    try {
      return await this.#options.breaker.execute(
        () => this.#attempt(request),
        (reply) => reply.status >= 500,
      );
    } catch (err) {
      if (err instanceof CircuitOpenError) {
        throw new UserServiceUnavailableError('circuit_open', 'User Service circuit breaker is open', {
          cause: err,
        });
      }
      throw err;
    }
  }

  /**
   * For idempotent requests: retries connection errors and 502/503/504. A request timeout is not
   * retried (the service is slow, asking again only adds load and makes the caller wait longer), nor is
   * an open circuit. The last reply is returned as is, even a 5xx.
   */
  async sendIdempotent(request: HttpRequest): Promise<HttpReply> {
    for (let attempt = 0; ; attempt += 1) {
      let outcome: HttpReply | UserServiceUnavailableError;
      try {
        outcome = await this.send(request);
      } catch (err) {
        if (!(err instanceof UserServiceUnavailableError)) throw err;
        outcome = err;
      }
      const retryable =
        outcome instanceof UserServiceUnavailableError
          ? outcome.reason === 'network'
          : isRetryableStatus(outcome.status);
      const delay = this.#options.retryDelaysMs[attempt];
      if (!retryable || delay === undefined) {
        if (outcome instanceof UserServiceUnavailableError) throw outcome;
        return outcome;
      }
      await sleep(jitteredDelay(delay));
    }
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }

  async #attempt(request: HttpRequest): Promise<HttpReply> {
    const url = new URL(request.url);
    // The signal bounds the whole exchange, body included, unlike undici's per-phase timeouts.
    const signal = AbortSignal.timeout(request.timeoutMs ?? this.#options.requestTimeoutMs);
    try {
      const response = await this.#agent.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
      });
      const bodyText = await response.body.text();
      return { status: response.statusCode, headers: flattenHeaders(response.headers), bodyText };
    } catch (err) {
      if (signal.aborted) {
        throw new UserServiceUnavailableError(
          'timeout',
          `User Service did not answer ${url.pathname} in time`,
          {
            cause: err,
          },
        );
      }
      throw new UserServiceUnavailableError('network', `User Service unreachable for ${url.pathname}`, {
        cause: err,
      });
    }
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
