import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserServiceEmulator, type UserServiceEmulator } from '../../../dev/user-service/index.js';
import {
  createUserServiceClient,
  type UserServiceClient,
} from '../../../src/integrations/user-service/index.js';
import { createProductLookup } from '../../../src/modules/deployments/product-lookup.js';

// The gate's product lookup against the real emulator: cached (also "no product"), shared by
// concurrent callers, failures never cached.

let emulator: UserServiceEmulator;
let client: UserServiceClient;
const PATH = '/api/1.0/products';
const TEMPLATE = '0b9c7a4e-2f1d-4e3a-9c8b-7a6f5e4d3c2b';

beforeAll(async () => {
  emulator = await startUserServiceEmulator({ port: 0 });
  client = createUserServiceClient({
    baseUrl: emulator.url,
    serviceToken: 'stacker-dev-service-token',
    retryDelaysMs: [],
  });
  emulator.state.store.addProduct({
    product_type: 'template',
    external_id: TEMPLATE,
    code: 'cached',
    name: 'Cached',
    description: null,
    price: 12.5,
    currency: 'USD',
    billing_cycle: 'one_time',
    is_active: true,
    category_code: null,
    required_plan_name: null,
    vendor_user_id: '2',
    vendor_name: null,
  });
});
afterAll(async () => {
  await client?.close();
  await emulator?.close();
});

describe('product lookup', () => {
  it('asks once within the TTL, for a product and for "no product" alike, and again after it', async () => {
    const lookup = createProductLookup(client, { ttlMs: 60_000 });
    const start = emulator.state.calls(PATH);
    const [a, b] = await Promise.all([lookup(TEMPLATE), lookup(TEMPLATE)]);
    expect(a).toMatchObject({ price: 12.5, externalId: TEMPLATE });
    expect(b).toEqual(a);
    expect(await lookup('11111111-1111-4111-8111-111111111111')).toBeUndefined();
    expect(await lookup('11111111-1111-4111-8111-111111111111')).toBeUndefined();
    expect(emulator.state.calls(PATH) - start).toBe(2);
    let now = 1_000_000; // lru-cache reads a start time of 0 as "never set"
    const shortLived = createProductLookup(client, { ttlMs: 30, now: () => now });
    await shortLived(TEMPLATE);
    now += 60;
    await shortLived(TEMPLATE);
    expect(emulator.state.calls(PATH) - start).toBe(4);
  });

  it('does not cache a failure: the next call asks again', async () => {
    const lookup = createProductLookup(client);
    emulator.state.failNext(1, 500, { path: PATH });
    await expect(lookup(TEMPLATE)).rejects.toThrow();
    await expect(lookup(TEMPLATE)).resolves.toMatchObject({ id: expect.any(String) });
  });
});
