/** Default pauses before the retries of an idempotent GET (two retries). */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [100, 400];

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

/** Gateway-style statuses mean the request most likely never reached a working instance. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** ±25 % jitter, so many instances that failed together do not retry in lockstep. */
export function jitteredDelay(baseMs: number, random: () => number = Math.random): number {
  return Math.round(baseMs * (0.75 + random() * 0.5));
}
