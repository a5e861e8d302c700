import type { RateLimitBucket } from '../../config.js';

/*
 * Which plan rate-limit bucket a command spends (status-panel.md, "Rate limits"): restart/start/stop/
 * pause count in `restart`, logs commands in `logs`; every other type is not limited. Every route that
 * enqueues (the command API, the legacy container routes) goes through enqueueCommand, which asks here.
 */
const BUCKETS: Readonly<Record<string, RateLimitBucket>> = {
  restart: 'restart',
  start: 'restart',
  stop: 'restart',
  pause: 'restart',
  logs: 'logs',
};

export function commandRateLimitBucket(commandType: string): RateLimitBucket | undefined {
  return Object.hasOwn(BUCKETS, commandType) ? BUCKETS[commandType] : undefined;
}
