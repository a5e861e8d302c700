import { Redis } from 'ioredis';
import { readTestEnv } from '../../src/config.js';

const testEnv = readTestEnv();
/** CI sets REDIS_URL; a developer machine usually runs Redis on the default port. */
export const testRedisUrl = testEnv.redisUrl ?? 'redis://127.0.0.1:6379';

async function reachable(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * Whether Redis answers. In CI a missing Redis fails the run; elsewhere the caller's tests are skipped
 * with a loud warning naming `what`.
 */
export async function requireRedis(what: string): Promise<boolean> {
  const up = await reachable(testRedisUrl);
  if (!up && testEnv.ci) throw new Error(`Redis is unreachable at ${testRedisUrl}; CI must provide it`);
  if (!up)
    console.warn(`\n!!! SKIPPING ${what}: no Redis at ${testRedisUrl}. Start one or set REDIS_URL. !!!\n`);
  return up;
}
