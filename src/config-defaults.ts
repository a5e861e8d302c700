/** The contract's default role map, plan aliases and rate limits; config.ts merges the JSON overrides. */

export const DEFAULT_ROLE_MAP: Record<string, string> = {
  group_user: 'group_user',
  user: 'group_user',
  creator: 'group_user',
  vendor: 'group_user',
  developer: 'group_user',
  group_admin: 'group_admin',
  admin: 'group_admin',
  admin_service: 'group_admin',
  root: 'root',
};

/** Keys ending in `*` match by prefix. */
export const DEFAULT_PLAN_ALIASES: Record<string, string> = {
  professional: 'pro',
  team: 'pro',
  'plan-pro-*': 'pro',
  'plan-plus-*': 'plus',
  'plan-basic-*': 'basic',
  'plan-enterprise-*': 'enterprise',
  'plan-individual-*': 'enterprise',
};

export const RATE_LIMIT_BUCKETS = ['deploy', 'restart', 'logs'] as const;
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number];

export const DEFAULT_RATE_LIMITS: Record<string, Record<RateLimitBucket, number>> = {
  free: { deploy: 5, restart: 3, logs: 10 },
  basic: { deploy: 10, restart: 5, logs: 20 },
  plus: { deploy: 10, restart: 5, logs: 20 },
  pro: { deploy: 20, restart: 10, logs: 40 },
  enterprise: { deploy: 60, restart: 30, logs: 120 },
};
