import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { requireRedis, testRedisUrl } from '../../helpers/redis.js';
import { onlineDeployment, post } from './helpers.js';

const redisUrl = testRedisUrl;
const redisUp = await requireRedis('the two-instance restart limit test');

describe.skipIf(!redisUp)('the restart limit across two instances sharing Redis', () => {
  const prefix = `stacker-test:${randomUUID()}:`;
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const env = { REDIS_URL: redisUrl, RATE_LIMIT_KEY_PREFIX: prefix };
    first = await buildTestApp({ env });
    second = await buildTestApp({ env, database: first.database, userService: first.userService });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('answers the 4th free-plan restart 429 whichever instance takes it', async () => {
    const f = await onlineDeployment(first, { owner: 'customerFree' });
    const url = `/api/v1/deployments/${f.hash}/containers/web/restart`;
    const codes = [];
    for (const app of [first, second, first, second])
      codes.push((await post(app, url, 'customerFree')).statusCode);
    expect(codes).toEqual([202, 202, 202, 429]);
    // The compose restart route spends the same shared counter.
    const compose = await post(second, `/api/v1/compose/${f.hash}/restart`, 'customerFree', {
      app_code: 'web',
    });
    expect(compose.statusCode).toBe(429);
  });
});
