import { Redis, type Result } from 'ioredis';
import type { CounterStore, Hit } from './counter-store.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    stackerRateLimitHit(key: string, windowMs: number): Result<[number, number], Context>;
  }
}

/**
 * One round trip, atomic on the server: count the hit, start the window on the first one, report the
 * time left. A key that somehow lost its expiry gets one again, so no counter can live forever.
 */
const HIT_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`;

/** How long a rate-limit round trip may take before the request is counted in memory instead. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;

/**
 * The process's one Redis client for rate limits. No offline queue: while Redis is unreachable a
 * command fails at once (and the request is counted in memory) instead of waiting for a reconnect.
 */
export function createRateLimitRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    // Reconnect forever, at most every 2 s: the counters come back by themselves when Redis does.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  redis.defineCommand('stackerRateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  return redis;
}

/** Counters shared by every instance. Keys are `prefix + key`. */
export class RedisCounterStore implements CounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async incr(key: string, windowMs: number): Promise<Hit> {
    const [current, ttlMs] = await this.redis.stackerRateLimitHit(this.prefix + key, windowMs);
    return { current: Number(current), ttlMs: Number(ttlMs) };
  }
}
