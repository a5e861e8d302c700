import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/*
 * "Under overload the server raises next_poll_secs, with jitter, to shed load" (agent-protocol.md).
 * Overload is read from the event loop: when its mean delay over the last sample exceeds the
 * threshold, polls that time out are told to come back a few seconds later instead of at once.
 */

const DEFAULT_OVERLOAD_LAG_MS = 250;
const MAX_BACKOFF_SECS = 10;

export class LoadMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });
  private overloaded = false;

  constructor(private readonly overloadLagMs = DEFAULT_OVERLOAD_LAG_MS) {}

  start(): void {
    this.histogram.enable();
  }

  stop(): void {
    this.histogram.disable();
  }

  /** Called periodically: reads and resets the delay histogram. */
  sample(): void {
    const meanMs = this.histogram.count > 0 ? this.histogram.mean / 1e6 : 0;
    this.overloaded = meanMs > this.overloadLagMs;
    this.histogram.reset();
  }

  get isOverloaded(): boolean {
    return this.overloaded;
  }

  /** 0 normally; a jittered 1..10 s while overloaded. */
  timeoutNextPollSecs(): number {
    return this.overloaded ? 1 + Math.floor(Math.random() * MAX_BACKOFF_SECS) : 0;
  }
}
