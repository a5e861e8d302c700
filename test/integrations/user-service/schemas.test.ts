import { describe, expect, it } from 'vitest';
import {
  categoriesReplySchema,
  meReplySchema,
  productsReplySchema,
} from '../../../src/integrations/user-service/schemas.js';

describe('meReplySchema', () => {
  const user = {
    _id: 42,
    email: 'a@example.com',
    role: 'group_admin',
    first_name: 'Ada',
    last_name: 'Lovelace',
    plan: { name: 'pro', date_end: null },
    products: [],
  };

  it('reads the wrapped and the bare shape alike', () => {
    const wrapped = meReplySchema.parse({ user });
    expect(wrapped).toEqual(meReplySchema.parse(user));
    expect(wrapped).toMatchObject({ id: '42', email: 'a@example.com', role: 'group_admin', plan: 'pro' });
    expect(wrapped).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', products: [] });
  });

  it('takes the id from _id, id or user_id, always as a string', () => {
    expect(meReplySchema.parse({ id: 7 }).id).toBe('7');
    expect(meReplySchema.parse({ user_id: 'u-9' }).id).toBe('u-9');
    expect(meReplySchema.parse({ _id: 'abc', id: 'ignored' }).id).toBe('abc');
  });

  it('refuses a reply without any user id', () => {
    expect(meReplySchema.safeParse({ email: 'x@example.com' }).success).toBe(false);
    expect(meReplySchema.safeParse({ user: { email: 'x@example.com' } }).success).toBe(false);
  });

  it('defaults the role and reads the plan from plan.name or plan_name', () => {
    const minimal = meReplySchema.parse({ id: 1 });
    expect(minimal).toMatchObject({
      role: 'group_user',
      plan: null,
      email: null,
      firstName: null,
      products: [],
    });
    expect(meReplySchema.parse({ id: 1, plan_name: 'free' }).plan).toBe('free');
    expect(meReplySchema.parse({ id: 1, plan: { name: 'plus' }, plan_name: 'free' }).plan).toBe('plus');
    expect(meReplySchema.parse({ id: 1, role: '' }).role).toBe('group_user');
  });

  it('reads owned products leniently: ids stringified, prices parsed, missing fields null', () => {
    const profile = meReplySchema.parse({
      id: 1,
      products: [
        {
          product_id: 5,
          product_type: 'template',
          external_id: 'tpl-1',
          price: '9.90',
          owned_since: '2026-01-01',
        },
        { product_id: 'p6', external_id: 77, price: 'not a price', name: 12 },
        'not an object',
      ],
    });
    expect(profile.products).toEqual([
      {
        productId: '5',
        productType: 'template',
        code: null,
        externalId: 'tpl-1',
        name: null,
        price: 9.9,
        ownedSince: '2026-01-01',
      },
      {
        productId: 'p6',
        productType: null,
        code: null,
        externalId: '77',
        name: null,
        price: null,
        ownedSince: null,
      },
    ]);
  });

  it('treats a products field that is not a list as no products', () => {
    expect(meReplySchema.parse({ id: 1, products: 'oops' }).products).toEqual([]);
  });
});

describe('categoriesReplySchema', () => {
  const items = [
    { _id: 1, name: 'web', title: 'Web apps', priority: 1 },
    { _id: '2', name: 'ai' },
  ];

  it('reads {_items} and a bare array, numbering ids and defaulting title and priority', () => {
    const expected = [
      { id: 1, name: 'web', title: 'Web apps', priority: 1 },
      { id: 2, name: 'ai', title: 'ai', priority: 0 },
    ];
    expect(categoriesReplySchema.parse({ _items: items })).toEqual(expected);
    expect(categoriesReplySchema.parse(items)).toEqual(expected);
  });

  it('refuses a category without an id or a name', () => {
    expect(categoriesReplySchema.safeParse([{ name: 'web' }]).success).toBe(false);
    expect(categoriesReplySchema.safeParse([{ _id: 1 }]).success).toBe(false);
  });
});

describe('productsReplySchema', () => {
  it('accepts a price as a number or a string and reads is_active', () => {
    const products = productsReplySchema.parse({
      _items: [
        { _id: 10, product_type: 'template', external_id: 'a', price: '0', is_active: true },
        { _id: 'x', external_id: 'b', price: 15, is_active: false },
        { _id: 11, external_id: 'c', price: 1 },
        { _id: 12, external_id: 'd', is_active: 'maybe' },
      ],
    });
    expect(products.map((p) => [p.id, p.price, p.isActive])).toEqual([
      ['10', 0, true],
      ['x', 15, false],
      ['11', 1, true],
      ['12', null, false],
    ]);
  });

  it('reads a bare array too', () => {
    expect(productsReplySchema.parse([{ _id: 1, currency: 'EUR', billing_cycle: 'monthly' }])).toEqual([
      {
        id: '1',
        productType: null,
        externalId: null,
        code: null,
        name: null,
        price: null,
        currency: 'EUR',
        billingCycle: 'monthly',
        isActive: true,
      },
    ]);
  });
});
