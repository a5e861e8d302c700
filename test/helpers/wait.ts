import { vi } from 'vitest';

export interface WaitOptions {
  /** What is awaited, for the failure message (default: the predicate's source). */
  what?: string;
  /** Milliseconds before giving up (default 10 s). */
  timeout?: number;
  /** Milliseconds between checks (default 20). */
  interval?: number;
}

/**
 * Polls `predicate` until it returns something truthy (and returns it), through `vi.waitFor`. The one
 * way tests wait for something another part of the system does: no bare sleeps.
 */
export async function waitUntil<T>(
  predicate: () => T | Promise<T>,
  options: string | WaitOptions = {},
): Promise<NonNullable<T>> {
  const opts = typeof options === 'string' ? { what: options } : options;
  const { timeout = 10_000, interval = 20 } = opts;
  const what = opts.what ?? predicate.toString();
  return vi.waitFor(
    async () => {
      const value = await predicate();
      if (!value) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      return value as NonNullable<T>;
    },
    { timeout, interval },
  );
}

declare global {
  // Milliseconds this test file slept on purpose; reported at the end of the run.
  var __stackerSleptMs: number | undefined;
}

/**
 * A real sleep, for tests where elapsed time itself is the subject (a deadline, a quiet period). `why`
 * names that reason at the call site; the total is reported at the end of the run.
 */
export function sleep(ms: number, _why: string): Promise<void> {
  globalThis.__stackerSleptMs = (globalThis.__stackerSleptMs ?? 0) + ms;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
