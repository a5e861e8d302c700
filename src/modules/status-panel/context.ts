import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config, RateLimitBucket } from '../../config.js';
import type { Clock } from '../../infra/clock.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import type { Redactor } from '../../infra/redaction/index.js';
import type { ComposeAgentClient } from '../../integrations/compose-agent/index.js';
import type { ChangeHub } from '../commands/index.js';

/** The per-process pieces the Status Panel routes share (built once by its plugin). */
export interface StatusPanelContext {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  secretBox: SecretBox;
  /** Wakes the synchronous waits (health, logs) when a command of the deployment changes. */
  changes: ChangeHub;
  /** The one compose agent client of the process. */
  compose: ComposeAgentClient;
  redactor: Redactor;
}

/** What a service needs from the request it serves: who, from where, and the rate limiter. */
export interface CallerContext {
  ip: string | null;
  userAgent: string | null;
  /** Counts one hit of a plan bucket for the caller on this deployment (429 when spent). */
  rateLimit: (bucket: RateLimitBucket, deploymentHash: string) => Promise<void>;
  /** Aborts a synchronous wait when the client goes away. */
  signal?: AbortSignal;
}

export function callerOf(request: FastifyRequest, signal?: AbortSignal): CallerContext {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    rateLimit: (bucket, deploymentHash) => request.server.rateLimitCheck(request, bucket, deploymentHash),
    ...(signal ? { signal } : {}),
  };
}
