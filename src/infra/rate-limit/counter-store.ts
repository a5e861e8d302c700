import { LRUCache } from 'lru-cache';
import type { Clock } from '../clock.js';

export interface Hit {
  /** Hits in the current window, this one included. */
  current: number;
  /** Milliseconds until the window resets. */
  ttlMs: number;
}

/**
 * A fixed-window counter. We keep our own small stores instead of @fastify/rate-limit's because its
 * stores scope every counter to one route (`child()` per route), and a bucket spans several routes
 * (a restart through the legacy route, the compose route and the command API share one budget).
 */
export interface CounterStore {
  incr(key: string, windowMs: number): Promise<Hit>;
}

interface Window {
  count: number;
  startedMs: number;
}

/**
 * Counters in this process: used without `REDIS_URL`, and as the fallback while Redis is down. Bounded
 * by an LRU so a flood of distinct keys cannot grow memory; an evicted counter starts again at zero
 * (that key gets a fresh window, nobody is locked out). Time comes from the app clock so tests can move it.
 */
export class MemoryCounterStore implements CounterStore {
  readonly #windows: LRUCache<string, Window>;

  constructor(
    private readonly clock: Clock,
    maxKeys = 10_000,
  ) {
    this.#windows = new LRUCache({ max: maxKeys });
  }

  async incr(key: string, windowMs: number): Promise<Hit> {
    const now = this.clock.now().getTime();
    const window = this.#windows.get(key);
    if (window === undefined || now - window.startedMs >= windowMs || now < window.startedMs) {
      this.#windows.set(key, { count: 1, startedMs: now });
      return { current: 1, ttlMs: windowMs };
    }
    window.count += 1;
    return { current: window.count, ttlMs: windowMs - (now - window.startedMs) };
  }
}
