import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_ALIASES } from '../../../src/config.js';
import { AppError } from '../../../src/infra/http/errors.js';
import type { OwnedProduct, TemplateProduct } from '../../../src/integrations/user-service/index.js';
import { UserServiceUnavailableError } from '../../../src/integrations/user-service/index.js';
import {
  type GateDeps,
  type GateTemplate,
  type GateUser,
  runOwnershipGate,
} from '../../../src/modules/deployments/ownership-gate.js';

const TEMPLATE_ID = '8f2c1a3e-4b5d-4c6e-8f70-123456789abc';
const plans = { aliases: DEFAULT_PLAN_ALIASES, tiers: ['free', 'basic', 'plus', 'pro', 'enterprise'] };

function product(overrides: Partial<TemplateProduct> = {}): TemplateProduct {
  return {
    id: '1001',
    productType: 'template',
    externalId: TEMPLATE_ID,
    code: 'paid-stack',
    name: 'Paid stack',
    price: 99.99,
    currency: 'USD',
    billingCycle: 'one_time',
    isActive: true,
    ...overrides,
  };
}

function owned(externalId = TEMPLATE_ID, productType = 'template'): OwnedProduct {
  return {
    productId: '1001',
    productType,
    code: null,
    externalId,
    name: null,
    price: 99.99,
    ownedSince: null,
  };
}

const template = (overrides: Partial<GateTemplate> = {}): GateTemplate => ({
  id: TEMPLATE_ID,
  creatorUserId: 'vendor-1',
  requiredPlanName: null,
  listing: { price: 99.99, currency: 'USD' },
  ...overrides,
});

const user = (overrides: Partial<GateUser> = {}): GateUser => ({
  id: 'user-1',
  plan: 'free',
  products: [],
  ...overrides,
});

/** Deps that record every call; `product` and `fresh` say what the User Service would answer. */
function deps(answers: {
  product?: TemplateProduct | undefined | Error;
  fresh?: GateUser | Error;
}): GateDeps & { calls: { product: number; refetch: number }; errors: string[] } {
  const calls = { product: 0, refetch: 0 };
  const errors: string[] = [];
  return {
    plans,
    calls,
    errors,
    findProduct: async () => {
      calls.product += 1;
      if (answers.product instanceof Error) throw answers.product;
      return answers.product;
    },
    refetchUser: async () => {
      calls.refetch += 1;
      if (answers.fresh instanceof Error) throw answers.fresh;
      return answers.fresh ?? user();
    },
    onError: (_err, step) => errors.push(step),
  };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('ownership gate', () => {
  it('1. lets the creator deploy without asking anything, whatever the plan or price', async () => {
    const d = deps({ product: new Error('must not be called') });
    const decision = await runOwnershipGate(
      d,
      user({ id: 'vendor-1', plan: 'free' }),
      template({ requiredPlanName: 'enterprise' }),
    );
    expect(decision).toEqual({ allowed: true, reason: 'creator' });
    expect(d.calls).toEqual({ product: 0, refetch: 0 });
  });

  it('2. refuses a plan below the required one with 403 naming the plan, before any lookup', async () => {
    const d = deps({ product: undefined });
    const err = await refusal(
      runOwnershipGate(d, user({ plan: 'basic' }), template({ requiredPlanName: 'pro' })),
    );
    expect(err.status).toBe(403);
    expect(err.code).toBe('plan_required');
    expect(err.detail).toContain("'pro'");
    expect(err.extras).toEqual({ required_plan: 'pro' });
    expect(d.calls.product).toBe(0);
  });

  it('2. applies the plan check to a free template too', async () => {
    const err = await refusal(
      runOwnershipGate(
        deps({ product: undefined }),
        user(),
        template({ requiredPlanName: 'plus', listing: null }),
      ),
    );
    expect(err.code).toBe('plan_required');
  });

  it('2. normalises plan names through the aliases', async () => {
    const decision = await runOwnershipGate(
      deps({ product: undefined }),
      user({ plan: 'plan-pro-monthly' }),
      template({ requiredPlanName: 'professional', listing: null }),
    );
    expect(decision).toEqual({ allowed: true, reason: 'free', productId: null });
  });

  it('2. fails closed on an unknown plan name, the user’s or the template’s', async () => {
    const unknownUser = await refusal(
      runOwnershipGate(
        deps({}),
        user({ plan: 'gold' }),
        template({ requiredPlanName: 'free', listing: null }),
      ),
    );
    expect(unknownUser.code).toBe('plan_required');
    const unknownRequired = await refusal(
      runOwnershipGate(deps({}), user({ plan: 'enterprise' }), template({ requiredPlanName: 'platinum' })),
    );
    expect(unknownRequired.code).toBe('plan_required');
  });

  it('3. allows a template without a product when its listing is free (or absent)', async () => {
    for (const listing of [null, { price: 0, currency: 'USD' }]) {
      const decision = await runOwnershipGate(deps({ product: undefined }), user(), template({ listing }));
      expect(decision).toEqual({ allowed: true, reason: 'free', productId: null });
    }
  });

  it('3. answers 503 for a priced listing whose product does not exist yet (never free)', async () => {
    const err = await refusal(runOwnershipGate(deps({ product: undefined }), user(), template()));
    expect(err.status).toBe(503);
    expect(err.code).toBe('ownership_check_unavailable');
    expect(err.headers['retry-after']).toBe('5');
  });

  it('3. treats an active product at price 0 as free', async () => {
    const decision = await runOwnershipGate(deps({ product: product({ price: 0 }) }), user(), template());
    expect(decision).toEqual({ allowed: true, reason: 'free', productId: '1001' });
  });

  it('3. answers 404 for an inactive product, as if the template were not listed', async () => {
    const err = await refusal(
      runOwnershipGate(deps({ product: product({ isActive: false }) }), user(), template()),
    );
    expect(err.status).toBe(404);
  });

  it('4. allows an owner from the cached profile without a re-fetch', async () => {
    const d = deps({ product: product() });
    const decision = await runOwnershipGate(d, user({ products: [owned()] }), template());
    expect(decision).toEqual({ allowed: true, reason: 'owned', productId: '1001' });
    expect(d.calls.refetch).toBe(0);
  });

  it('4. compares external ids as strings, ignoring the UUID’s case, and only for template products', async () => {
    const d = deps({ product: product(), fresh: user() });
    expect(
      (await runOwnershipGate(d, user({ products: [owned(TEMPLATE_ID.toUpperCase())] }), template())).allowed,
    ).toBe(true);
    const err = await refusal(
      runOwnershipGate(d, user({ products: [owned(TEMPLATE_ID, 'plan')] }), template()),
    );
    expect(err.status).toBe(402);
  });

  it('4. re-fetches /me once before refusing: a purchase made a second ago counts', async () => {
    const d = deps({ product: product(), fresh: user({ products: [owned()] }) });
    const decision = await runOwnershipGate(d, user(), template());
    expect(decision).toEqual({ allowed: true, reason: 'owned', productId: '1001' });
    expect(d.calls.refetch).toBe(1);
  });

  it('4. refuses 402 with the price, currency, product id and the exact message', async () => {
    const d = deps({ product: product(), fresh: user() });
    const err = await refusal(runOwnershipGate(d, user(), template()));
    expect(err.status).toBe(402);
    expect(err.code).toBe('template_not_purchased');
    expect(err.detail).toBe(
      'This verified pro stack requires purchase. Price: $99.99. Please purchase it in the marketplace.',
    );
    expect(err.extras).toEqual({ price: 99.99, currency: 'USD', product_id: '1001' });
    expect(d.calls.refetch).toBe(1);
  });

  it('4. names another currency after the amount', async () => {
    const d = deps({ product: product({ price: 15, currency: 'eur' }), fresh: user() });
    const err = await refusal(runOwnershipGate(d, user(), template()));
    expect(err.detail).toContain('Price: 15.00 EUR.');
    expect(err.extras.currency).toBe('EUR');
  });

  it('5. answers 503 when the product lookup fails', async () => {
    const d = deps({ product: new UserServiceUnavailableError('status', 'HTTP 500', { status: 500 }) });
    const err = await refusal(runOwnershipGate(d, user(), template()));
    expect(err.status).toBe(503);
    expect(err.code).toBe('ownership_check_unavailable');
    expect(d.errors).toEqual(['product']);
  });

  it('5. answers 503 when the re-fetch of /me fails, never 402 and never allowed', async () => {
    const d = deps({ product: product(), fresh: new UserServiceUnavailableError('timeout', 'timed out') });
    const err = await refusal(runOwnershipGate(d, user(), template()));
    expect(err.code).toBe('ownership_check_unavailable');
    expect(d.errors).toEqual(['refetch']);
  });

  it('keeps a 401 from the re-fetch (the token was revoked meanwhile)', async () => {
    const d = deps({ product: product(), fresh: new AppError(401, 'invalid_token', 'revoked') });
    const err = await refusal(runOwnershipGate(d, user(), template()));
    expect(err.status).toBe(401);
  });
});
