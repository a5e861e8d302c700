export interface BackoffOptions {
  minMs: number;
  maxMs: number;
  /** Injectable for tests; defaults to Math.random. */
  random?: () => number;
}

/**
 * Exponential backoff capped at `maxMs` with "equal jitter": the delay is drawn from [base/2, base].
 * Jitter spreads the reconnects of many instances after a broker restart; keeping half of the base
 * guarantees a floor, so a flapping broker is never hammered in a tight loop.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const exponent = Math.min(Math.max(0, attempt), 30);
  const base = Math.min(options.maxMs, options.minMs * 2 ** exponent);
  return Math.round(base / 2 + random() * (base / 2));
}
