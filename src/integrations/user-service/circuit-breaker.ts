// Hand-written on purpose: the breaker is twenty lines of state, it must share the injectable clock the
// tests drive, and the well-known libraries wrap functions in ways that fight undici's own timeouts.

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long the circuit stays open before one probe call is let through. */
  cooldownMs?: number;
  now?: () => number;
}

/** Thrown by `execute` while the circuit is open (or while the single half-open probe is in flight). */
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
}

type Ticket = 'normal' | 'probe';

export class CircuitBreaker {
  readonly #threshold: number;
  readonly #cooldownMs: number;
  readonly #now: () => number;
  #failures = 0;
  #openedAt: number | undefined;
  #probing = false;

  constructor(options: CircuitBreakerOptions = {}) {
    this.#threshold = options.failureThreshold ?? 5;
    this.#cooldownMs = options.cooldownMs ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.#openedAt === undefined) return 'closed';
    return this.#now() - this.#openedAt >= this.#cooldownMs ? 'half_open' : 'open';
  }

  /**
   * Runs `fn` unless the circuit is open. A thrown error, or a result for which `isFailure` is true,
   * counts as a failure; anything else closes the circuit.
   */
  async execute<T>(fn: () => Promise<T>, isFailure: (result: T) => boolean = () => false): Promise<T> {
    const ticket = this.#acquire();
    if (ticket === undefined) throw new CircuitOpenError('circuit is open');
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      this.#onFailure(ticket);
      throw err;
    }
    if (isFailure(result)) this.#onFailure(ticket);
    else this.#onSuccess();
    return result;
  }

  #acquire(): Ticket | undefined {
    const state = this.state;
    if (state === 'closed') return 'normal';
    // Half-open lets exactly one call test the service; everyone else keeps failing fast meanwhile.
    if (state === 'half_open' && !this.#probing) {
      this.#probing = true;
      return 'probe';
    }
    return undefined;
  }

  #onSuccess(): void {
    this.#failures = 0;
    this.#openedAt = undefined;
    this.#probing = false;
  }

  #onFailure(ticket: Ticket): void {
    if (ticket === 'probe') {
      this.#openedAt = this.#now();
      this.#probing = false;
      return;
    }
    // A call that started before the circuit opened and fails afterwards must not extend the cool-down.
    if (this.#openedAt !== undefined) return;
    this.#failures += 1;
    if (this.#failures >= this.#threshold) this.#openedAt = this.#now();
  }
}
