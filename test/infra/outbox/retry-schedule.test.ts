import { describe, expect, it } from 'vitest';
import {
  MAX_RETRY_AFTER_MS,
  nextRetryDelayMs,
  parseRetryAfter,
  RETRY_SCHEDULE_MS,
} from '../../../src/infra/outbox/retry-schedule.js';

const fixed = (value: number) => () => value;

describe('retry schedule', () => {
  it('is the contract schedule: 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h, 24 h, 24 h', () => {
    const minutes = RETRY_SCHEDULE_MS.map((ms) => ms / 60_000);
    expect(minutes).toEqual([1 / 6, 0.5, 2, 10, 30, 60, 180, 360, 720, 1440, 1440]);
  });

  it('follows the schedule step by step, without jitter at the midpoint', () => {
    const delays = RETRY_SCHEDULE_MS.map((_, i) => nextRetryDelayMs(i + 1, fixed(0.5)));
    expect(delays).toEqual(RETRY_SCHEDULE_MS);
  });

  it('jitters each step by at most ±20 %', () => {
    for (let attempt = 1; attempt <= RETRY_SCHEDULE_MS.length; attempt++) {
      const base = RETRY_SCHEDULE_MS[attempt - 1]!;
      expect(nextRetryDelayMs(attempt, fixed(0))).toBe(Math.round(base * 0.8));
      expect(nextRetryDelayMs(attempt, fixed(1))).toBe(Math.round(base * 1.2));
      const random = nextRetryDelayMs(attempt, Math.random)!;
      expect(random).toBeGreaterThanOrEqual(Math.round(base * 0.8));
      expect(random).toBeLessThanOrEqual(Math.round(base * 1.2));
    }
  });

  it('is used up after the last step: the event goes dead', () => {
    expect(nextRetryDelayMs(RETRY_SCHEDULE_MS.length, fixed(0.5))).toBe(86_400_000);
    expect(nextRetryDelayMs(RETRY_SCHEDULE_MS.length + 1, fixed(0.5))).toBeUndefined();
  });

  it('lets Retry-After lengthen a pause, up to an hour, but never shorten it', () => {
    expect(nextRetryDelayMs(1, fixed(0.5), 120_000)).toBe(120_000);
    expect(nextRetryDelayMs(1, fixed(0.5), 5 * 3_600_000)).toBe(MAX_RETRY_AFTER_MS);
    expect(nextRetryDelayMs(1, fixed(0.5), 1_000)).toBe(10_000);
    expect(nextRetryDelayMs(7, fixed(0.5), 60_000)).toBe(10_800_000);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent and unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
