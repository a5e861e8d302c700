import type { RateLimitBucket } from '../../config.js';
import { AppError } from '../http/errors.js';

/** What a caller is told about a bucket (IETF draft-6 names, as @fastify/rate-limit's `enableDraftSpec`). */
export interface RateLimitState {
  limit: number;
  remaining: number;
  resetSecs: number;
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'ratelimit-limit': String(state.limit),
    'ratelimit-remaining': String(state.remaining),
    'ratelimit-reset': String(state.resetSecs),
  };
}

/**
 * 429 `rate_limited` (`api.md`). The headers ride on the AppError so the one error handler sets them;
 * on the preHandler path @fastify/rate-limit has already set the same ones on the reply.
 */
export function rateLimited(bucket: RateLimitBucket, limit: number, ttlMs: number): AppError {
  // Never 0: a client that retries "after 0 s" would spin until the window really ends.
  const resetSecs = Math.max(1, Math.ceil(ttlMs / 1000));
  return new AppError(
    429,
    'rate_limited',
    `Too many ${bucket} requests: your plan allows ${limit} per minute. Retry in ${resetSecs} s.`,
    {},
    undefined,
    { 'retry-after': String(resetSecs), ...rateLimitHeaders({ limit, remaining: 0, resetSecs }) },
  );
}
