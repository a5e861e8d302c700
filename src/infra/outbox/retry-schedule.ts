/**
 * The delivery schedule of `user-service.md`: pauses after each failed attempt, about three days in all;
 * a failure after the last pause makes the event dead. Install events use the same schedule.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
  86_400_000,
];

/** ±20 %, so instances that failed together do not all come back in the same second. */
export const RETRY_JITTER = 0.2;

/** A peer may ask for a longer pause with `Retry-After`, but never park an event for more than this. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * The pause before the next attempt, after `attemptsMade` attempts (1 after the first) all failed, or
 * `undefined` when the schedule is used up. `Retry-After` (capped at an hour) lengthens the pause but
 * never shortens it: a peer answering `Retry-After: 1` in a loop must not burn the whole schedule in
 * seconds.
 */
export function nextRetryDelayMs(
  attemptsMade: number,
  random: () => number,
  retryAfterMs?: number,
): number | undefined {
  const base = RETRY_SCHEDULE_MS[attemptsMade - 1];
  if (base === undefined) return undefined;
  const jittered = Math.round(base * (1 - RETRY_JITTER + random() * 2 * RETRY_JITTER));
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs)) return jittered;
  return Math.max(jittered, Math.min(Math.max(0, retryAfterMs), MAX_RETRY_AFTER_MS));
}

/** `Retry-After` as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from `now`; junk is ignored. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date always names its day and zone; without letters, Date.parse would read "-5" as a year.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
