import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_ALIASES } from '../../../src/config.js';
import { normalisePlan, type PlanRules, planAtLeast, planTier } from '../../../src/infra/plans/plans.js';

const rules: PlanRules = {
  aliases: DEFAULT_PLAN_ALIASES,
  tiers: ['free', 'basic', 'plus', 'pro', 'enterprise'],
};

describe('normalisePlan', () => {
  it.each([
    ['professional', 'pro'],
    ['Team', 'pro'],
    ['plan-pro-monthly', 'pro'],
    ['PLAN-PLUS-yearly', 'plus'],
    ['plan-basic-x', 'basic'],
    ['plan-enterprise-2024', 'enterprise'],
    ['plan-individual-1', 'enterprise'],
    ['  free ', 'free'],
    ['gold', 'gold'],
  ])('%s → %s', (name, expected) => {
    expect(normalisePlan(name, rules.aliases)).toBe(expected);
  });

  it('is undefined for a missing or blank name', () => {
    expect(normalisePlan(null, rules.aliases)).toBeUndefined();
    expect(normalisePlan(undefined, rules.aliases)).toBeUndefined();
    expect(normalisePlan('  ', rules.aliases)).toBeUndefined();
  });

  it('prefers the exact alias, then the longest prefix', () => {
    const aliases = { 'plan-*': 'basic', 'plan-pro-*': 'pro', 'plan-pro-legacy': 'plus' };
    expect(normalisePlan('plan-pro-legacy', aliases)).toBe('plus');
    expect(normalisePlan('plan-pro-new', aliases)).toBe('pro');
    expect(normalisePlan('plan-other', aliases)).toBe('basic');
  });
});

describe('planTier and planAtLeast', () => {
  it('orders by PLAN_TIERS', () => {
    expect(planTier('free', rules)).toBe(0);
    expect(planTier('plan-pro-monthly', rules)).toBe(3);
    expect(planTier('gold', rules)).toBeUndefined();
  });

  it('compares after aliasing', () => {
    expect(planAtLeast('plan-pro-monthly', 'pro', rules)).toBe(true);
    expect(planAtLeast('enterprise', 'professional', rules)).toBe(true);
    expect(planAtLeast('free', 'pro', rules)).toBe(false);
    expect(planAtLeast('basic', 'plus', rules)).toBe(false);
  });

  it('fails closed on an unknown name on either side', () => {
    expect(planAtLeast('gold', 'free', rules)).toBe(false);
    expect(planAtLeast('enterprise', 'gold', rules)).toBe(false);
  });

  it('treats a user without a plan as the lowest tier', () => {
    expect(planAtLeast(null, 'free', rules)).toBe(true);
    expect(planAtLeast(null, 'basic', rules)).toBe(false);
  });
});
