import type { RateLimitSubject } from '../infra/rate-limit/bucket-limits.js';
import type { Principal } from './principal.js';

/**
 * Users are limited by their plan. Anonymous callers (only on routes a policy opens to them) count by
 * address with the fallback plan's limits. Agents and service clients are exempt: they are not users
 * with a plan, they authenticate with their own secrets, and throttling them would stall the command
 * queue or an operator's tooling rather than protect anything.
 */
export function rateLimitSubject(principal: Principal, ip: string): RateLimitSubject | undefined {
  switch (principal.kind) {
    case 'user':
      return { kind: 'user', id: principal.user.id, plan: principal.user.plan };
    case 'anonymous':
      return { kind: 'ip', ip };
    default:
      return undefined;
  }
}
