import { setTimeout as sleep } from 'node:timers/promises';

/** One unlabelled sample of a server's Prometheus text (`/metrics`), or NaN when absent. */
export async function readMetric(origin: string, name: string): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

/** Long-polls the server holds right now. */
export const waitingPolls = (origin: string) => readMetric(origin, 'stacker_agent_waiting_polls');

/** Polls `predicate` every `everyMs` until it holds; throws with `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  predicate: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await predicate())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
