import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/infra/amqp/backoff.js';

const opts = { minMs: 100, maxMs: 5_000 };

describe('backoffDelay', () => {
  it('doubles the base per failure and draws from its upper half', () => {
    expect(backoffDelay(0, { ...opts, random: () => 0 })).toBe(50);
    expect(backoffDelay(0, { ...opts, random: () => 1 })).toBe(100);
    expect(backoffDelay(3, { ...opts, random: () => 0 })).toBe(400);
    expect(backoffDelay(3, { ...opts, random: () => 1 })).toBe(800);
  });

  it('is capped at maxMs however many failures, including absurd counts', () => {
    for (const attempt of [6, 10, 100, 10_000]) {
      expect(backoffDelay(attempt, { ...opts, random: () => 1 })).toBe(5_000);
      expect(backoffDelay(attempt, { ...opts, random: () => 0 })).toBe(2_500);
    }
  });

  it('spreads instances that fail together (jitter)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, opts)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(800);
      expect(delay).toBeLessThanOrEqual(1_600);
    }
  });

  it('treats a negative attempt as the first', () => {
    expect(backoffDelay(-3, { ...opts, random: () => 1 })).toBe(100);
  });
});
