import type { CounterStore, Hit } from './counter-store.js';

export interface FailoverEvents {
  /** Every failed call (for a metric); `first` is true on the first failure after a success. */
  onFailure(error: unknown, first: boolean): void;
  /** The first success after failures. */
  onRecovery(): void;
}

/**
 * Redis first; while it fails, this process's own counters. Rate limits protect cost and fairness, not
 * secrets, so a Redis outage must not stop restarts and deploys (fail open); counting in memory meanwhile
 * keeps each instance enforcing the limit on its own, at worst N instances × the limit. See decision 0004;
 * decision 0014 on moving this to rate-limiter-flexible's insurance limiter.
 */
export class FailoverCounterStore implements CounterStore {
  #failing = false;

  constructor(
    private readonly primary: CounterStore,
    private readonly fallback: CounterStore,
    private readonly events: FailoverEvents,
  ) {}

  get failing(): boolean {
    return this.#failing;
  }

  async incr(key: string, windowMs: number): Promise<Hit> {
    try {
      const hit = await this.primary.incr(key, windowMs);
      if (this.#failing) {
        this.#failing = false;
        this.events.onRecovery();
      }
      return hit;
    } catch (error) {
      const first = !this.#failing;
      this.#failing = true;
      this.events.onFailure(error, first);
      return this.fallback.incr(key, windowMs);
    }
  }
}
