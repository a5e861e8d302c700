import type { Config, RateLimitBucket } from '../../config.js';
import { ownValue } from '../own-value.js';
import { normalisePlan } from '../plans/plans.js';

/** The plan whose limits apply to a plan name the table does not know (`status-panel.md`). */
export const FALLBACK_PLAN = 'free';

/** Counters are per minute (`status-panel.md`, "Rate limits"). */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Who a counter belongs to, or `undefined` for callers no plan limit applies to. */
export type RateLimitSubject = { kind: 'user'; id: string; plan: string | null } | { kind: 'ip'; ip: string };

/** The per-minute limit of `bucket` for a plan name as the User Service sends it. */
export function bucketLimit(
  plan: string | null | undefined,
  bucket: RateLimitBucket,
  config: Pick<Config, 'plans' | 'rateLimits'>,
): number {
  const normalised = normalisePlan(plan, config.plans.aliases);
  const limits =
    (normalised === undefined ? undefined : ownValue(config.rateLimits, normalised)) ??
    ownValue(config.rateLimits, FALLBACK_PLAN);
  // config.ts always merges the defaults in, so `free` exists; the literal is a last guard, not a policy.
  return limits?.[bucket] ?? 1;
}

export function subjectLimit(
  subject: RateLimitSubject,
  bucket: RateLimitBucket,
  config: Pick<Config, 'plans' | 'rateLimits'>,
): number {
  return bucketLimit(subject.kind === 'user' ? subject.plan : undefined, bucket, config);
}

/**
 * The counter's key (the store adds the configured prefix). `deploy` is per user only (creation has no
 * deployment yet); the other buckets are per user and deployment, as the contract's heading says.
 */
export function rateLimitKey(
  bucket: RateLimitBucket,
  subject: RateLimitSubject,
  deploymentHash: string | undefined,
): string {
  const who = subject.kind === 'user' ? `u:${subject.id}` : `ip:${subject.ip}`;
  if (bucket === 'deploy' || deploymentHash === undefined) return `${bucket}:${who}`;
  return `${bucket}:${who}:d:${deploymentHash}`;
}
