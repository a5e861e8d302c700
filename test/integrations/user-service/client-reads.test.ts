import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncEvent, syncBodySchema } from '../../../dev/user-service/marketplace-sync.js';
import { DEV_TOKENS, DEV_USER_IDS } from '../../../dev/user-service/seed.js';
import { UserServiceRejectedError } from '../../../src/integrations/user-service/errors.js';
import { approvedEvent, startHarness } from './harness.js';

let harness: Awaited<ReturnType<typeof startHarness>>;

beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.close();
});

function listProduct(externalId: string, overrides: Record<string, unknown> = {}) {
  applySyncEvent(harness.state.store, syncBodySchema.parse(approvedEvent(externalId, overrides)));
}

describe('getMe', () => {
  it('normalises the wrapped {"user": {...}} reply', async () => {
    const profile = await harness.client.getMe(DEV_TOKENS.admin);
    expect(profile).toEqual({
      id: String(DEV_USER_IDS.admin),
      email: 'admin@stacker.dev',
      role: 'group_admin',
      plan: 'enterprise',
      firstName: 'Ada',
      lastName: 'Admin',
      products: [],
    });
  });

  it('normalises the bare object reply the same way', async () => {
    const wrapped = await harness.client.getMe(DEV_TOKENS.customerPro);
    harness.state.setReplyShape('bare');
    const bare = await harness.client.getMe(DEV_TOKENS.customerPro);
    expect(bare).toEqual(wrapped);
    expect(bare.plan).toBe('plan-pro-monthly');
  });

  it('includes purchased template products', async () => {
    listProduct('tpl-owned');
    harness.state.purchase(DEV_USER_IDS.customerFree, 'tpl-owned');
    const profile = await harness.client.getMe(DEV_TOKENS.customerFree);
    expect(profile.products).toHaveLength(1);
    expect(profile.products[0]).toMatchObject({
      productType: 'template',
      externalId: 'tpl-owned',
      price: 12.5,
    });
  });

  it('rejects an unknown or revoked token with the status', async () => {
    await expect(harness.client.getMe('no-such-token')).rejects.toMatchObject({
      name: 'UserServiceRejectedError',
      status: 401,
    });
    harness.state.revokeToken(DEV_TOKENS.vendor);
    await expect(harness.client.getMe(DEV_TOKENS.vendor)).rejects.toBeInstanceOf(UserServiceRejectedError);
  });

  it('rejects a 403 from /me as well, without retrying it', async () => {
    harness.state.failNext(1, 403, { path: '/oauth_server/api/me' });
    await expect(harness.client.getMe(DEV_TOKENS.admin)).rejects.toMatchObject({ status: 403 });
    expect(harness.state.calls('/oauth_server/api/me')).toBe(1);
  });

  it('rejects a token that cannot be a bearer without calling the service', async () => {
    await expect(harness.client.getMe('two words')).rejects.toMatchObject({ status: 401 });
    await expect(harness.client.getMe('')).rejects.toMatchObject({ status: 401 });
    expect(harness.state.calls('/oauth_server/api/me')).toBe(0);
  });
});

describe('listCategories', () => {
  const seeded = [
    { id: 1, name: 'web', title: 'Web apps', priority: 1 },
    { id: 2, name: 'ai', title: 'AI and machine learning', priority: 2 },
    { id: 3, name: 'databases', title: 'Databases', priority: 3 },
    { id: 4, name: 'devops', title: 'DevOps tools', priority: 4 },
  ];

  it('reads the {_items} reply', async () => {
    expect(await harness.client.listCategories()).toEqual(seeded);
  });

  it('reads a bare array reply', async () => {
    harness.state.setReplyShape('bare');
    expect(await harness.client.listCategories()).toEqual(seeded);
  });

  it('turns an unreadable reply into unavailable, not an empty list', async () => {
    harness.state.store.categories.push({ _id: 5, name: '', title: 'broken', priority: 5 });
    await expect(harness.client.listCategories()).rejects.toMatchObject({ reason: 'invalid_reply' });
  });
});

describe('findTemplateProduct', () => {
  it('returns undefined when the template has no product', async () => {
    expect(await harness.client.findTemplateProduct('tpl-none')).toBeUndefined();
  });

  it('returns the template product, selected by the URL-encoded where query', async () => {
    listProduct('tpl-a', { price: '0' });
    listProduct('tpl-b', { price: 30, event_id: 'evt-b' });
    const product = await harness.client.findTemplateProduct('tpl-b');
    expect(product).toMatchObject({
      externalId: 'tpl-b',
      productType: 'template',
      price: 30,
      isActive: true,
    });
    expect((await harness.client.findTemplateProduct('tpl-a'))?.price).toBe(0);
  });

  it('reads a bare array reply', async () => {
    listProduct('tpl-c');
    harness.state.setReplyShape('bare');
    expect(await harness.client.findTemplateProduct('tpl-c')).toMatchObject({
      externalId: 'tpl-c',
      price: 12.5,
    });
  });

  it('reports an inactive product as such', async () => {
    listProduct('tpl-d');
    const rejected = { action: 'template_rejected', event_id: 'evt-d-2', sequence: 2, external_id: 'tpl-d' };
    applySyncEvent(harness.state.store, syncBodySchema.parse(rejected));
    expect(await harness.client.findTemplateProduct('tpl-d')).toMatchObject({ isActive: false });
  });
});
