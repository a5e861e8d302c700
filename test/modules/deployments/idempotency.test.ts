import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import { purgeExpiredIdempotencyKeys } from '../../../src/infra/idempotency/idempotency.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, userId } from '../../helpers/auth.js';
import { listedTemplate, type TestTemplate, UNLIMITED_DEPLOYS_ENV } from '../../helpers/templates.js';

// The 24 h life of an Idempotency-Key, on a clock the test moves.

const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
let t: TestApp;
let free: TestTemplate;

beforeAll(async () => {
  t = await buildTestApp({ env: UNLIMITED_DEPLOYS_ENV, clock });
  free = await listedTemplate(t);
});
afterAll(async () => {
  await t?.close();
});

const deploy = (key: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/deployments',
    headers: { ...bearer('customerPro'), 'idempotency-key': key },
    payload: { template: free.slug, name: 'kept a day' },
  });

const hashOf = (res: Awaited<ReturnType<typeof deploy>>) =>
  res.json().item.deployment.deployment_hash as string;

describe('Idempotency-Key lifetime', () => {
  it('replays within 24 h, deploys again after, and the purge removes expired keys only', async () => {
    const first = await deploy('daily');
    clock.advance(23 * 3_600_000);
    const replay = await deploy('daily');
    expect(hashOf(replay)).toBe(hashOf(first));
    expect(replay.headers['idempotent-replayed']).toBe('true');

    clock.advance(2 * 3_600_000);
    const fresh = await deploy('daily');
    expect(fresh.statusCode).toBe(201);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    expect(hashOf(fresh)).not.toBe(hashOf(first));

    await deploy('other');
    clock.advance(24 * 3_600_000 - 1_000);
    // 'daily' (taken over) and 'other' were written at the same instant: a second before their expiry.
    expect(await purgeExpiredIdempotencyKeys(t.app.db, clock.now())).toBe(0);
    clock.advance(2_000);
    expect(await purgeExpiredIdempotencyKeys(t.app.db, clock.now())).toBe(2);
    const left = await t.app.db
      .selectFrom('idempotency_key')
      .select('key')
      .where('user_id', '=', userId('customerPro'))
      .execute();
    expect(left).toEqual([]);
  });
});
