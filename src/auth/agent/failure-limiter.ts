import { LRUCache } from 'lru-cache';

/*
 * Failed agent authentications per client address (agent-protocol.md): a fixed one-minute window
 * per address. Keyed by address, never by the claimed agent id, so nobody can lock an agent out by
 * knowing its id; and the caller consults it only for requests whose bearer was wrong, so a valid
 * bearer is never blocked. In memory per instance (an attacker spread over N instances gets N times
 * the budget, which still bounds the audit and query load per instance).
 */

interface Window {
  start: number;
  count: number;
}

const WINDOW_MS = 60_000;

export class FailureLimiter {
  private readonly windows = new LRUCache<string, Window>({ max: 100_000 });

  constructor(private readonly perMinute: number) {}

  /** Counts one failure; returns true when the address is now over its budget. */
  record(address: string, nowMs: number): boolean {
    const current = this.windows.get(address);
    if (!current || nowMs - current.start >= WINDOW_MS) {
      this.windows.set(address, { start: nowMs, count: 1 });
      return 1 > this.perMinute;
    }
    current.count += 1;
    return current.count > this.perMinute;
  }

  /** Seconds until the address's window ends (for Retry-After). */
  retryAfterSecs(address: string, nowMs: number): number {
    const current = this.windows.get(address);
    if (!current) return 0;
    return Math.max(1, Math.ceil((current.start + WINDOW_MS - nowMs) / 1000));
  }
}
