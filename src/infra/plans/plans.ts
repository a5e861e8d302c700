/**
 * Plan names as the User Service sends them ("plan-pro-monthly", "Professional", "team") are mapped to
 * the tiers Stacker orders by (`PLAN_ALIASES`, then `PLAN_TIERS`). Used by the ownership gate
 * (`required_plan_name`) and the rate limits (limits per plan).
 */
export interface PlanRules {
  /** Lower-cased keys; a key ending in `*` matches by prefix (`plan-pro-*`). */
  aliases: Record<string, string>;
  /** Lowest first: `free,basic,plus,pro,enterprise`. */
  tiers: string[];
}

/**
 * The canonical name of a plan: trimmed, lower-cased, then the exact alias, else the longest matching
 * prefix alias. `undefined` for a missing or empty name. The result may still be unknown to the tiers.
 */
export function normalisePlan(
  name: string | null | undefined,
  aliases: Record<string, string>,
): string | undefined {
  const plan = name?.trim().toLowerCase();
  if (!plan) return undefined;
  const lowered = lowerKeys(aliases);
  const exact = lowered.get(plan);
  if (exact !== undefined) return exact.trim().toLowerCase();
  let best: { prefix: string; target: string } | undefined;
  for (const [key, target] of lowered) {
    if (!key.endsWith('*')) continue;
    const prefix = key.slice(0, -1);
    if (plan.startsWith(prefix) && (best === undefined || prefix.length > best.prefix.length)) {
      best = { prefix, target };
    }
  }
  return best ? best.target.trim().toLowerCase() : plan;
}

/** The plan's position in `tiers` (0 = lowest), or `undefined` when the plan is unknown. */
export function planTier(name: string | null | undefined, rules: PlanRules): number | undefined {
  const plan = normalisePlan(name, rules.aliases);
  if (plan === undefined) return undefined;
  const index = rules.tiers.findIndex((tier) => tier.trim().toLowerCase() === plan);
  return index === -1 ? undefined : index;
}

/**
 * Whether `userPlan` is at least `requiredPlan`. Fails closed: an unknown name on either side is `false`.
 * A user with no plan at all is on the lowest tier (that is what "no plan" means to the User Service).
 */
export function planAtLeast(
  userPlan: string | null | undefined,
  requiredPlan: string,
  rules: PlanRules,
): boolean {
  const required = planTier(requiredPlan, rules);
  if (required === undefined) return false;
  const user = normalisePlan(userPlan, rules.aliases) === undefined ? 0 : planTier(userPlan, rules);
  return user !== undefined && user >= required;
}

function lowerKeys(aliases: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(aliases).map(([key, value]) => [key.trim().toLowerCase(), value]));
}
