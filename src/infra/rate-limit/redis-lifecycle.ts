import type { Redis } from 'ioredis';

/**
 * Waits for the first connection (or its first failure) so the first requests after start count in
 * Redis rather than in memory; never longer than `timeoutMs`, and never fails: Redis being down at start
 * is handled like Redis going down later.
 */
export async function firstConnection(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      redis.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once('ready', done);
    redis.once('error', done);
  });
}

/** QUIT when connected (lets replies in flight finish), else just drop the socket and stop reconnecting. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    try {
      await redis.quit();
      return;
    } catch {
      // fall through: the connection died while quitting
    }
  }
  redis.disconnect();
}
