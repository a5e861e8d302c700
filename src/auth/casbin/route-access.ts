import type { RouteAccess } from '../../infra/http/openapi-route.js';
import type { PolicyRule } from './policy-file.js';

/** Subjects that are a signed-in user (directly or by inheritance), so the route takes a bearer token. */
const USER_SUBJECTS = new Set(['group_user', 'group_admin', 'root', 'admin', 'developer']);
const PUBLIC_SUBJECTS = new Set(['group_anonymous', 'anonym']);

/**
 * What the OpenAPI document says about access, read from the same policy file Casbin enforces, so the
 * document cannot claim a route is public when it is not. The statuses are the ones `auth-plugin.ts`
 * can answer before the handler runs: 401 for missing or bad credentials (also on a public route that
 * was sent a bad token), 403 for a user or service client the policy leaves out, 404 for an agent the
 * policy leaves out (agents replace their token on any 401/403, so a route they may not use is "not
 * found"), 503 while the User Service cannot say who a token belongs to.
 */
export function routeAccessFromPolicy(rules: PolicyRule[]): (method: string, url: string) => RouteAccess {
  const subjects = new Map<string, Set<string>>();
  for (const rule of rules) {
    if (rule.ptype !== 'p') continue;
    const [subject, route, method] = rule.values;
    if (!subject || !route || !method) continue;
    const key = `${method} ${route}`;
    const set = subjects.get(key) ?? new Set<string>();
    set.add(subject);
    subjects.set(key, set);
  }
  return (method, url) => {
    const allowed = subjects.get(`${method} ${url}`) ?? new Set<string>();
    if ([...allowed].some((s) => PUBLIC_SUBJECTS.has(s))) {
      return { security: [], statuses: [401, 503] };
    }
    const security: Record<string, string[]>[] = [];
    const users = [...allowed].filter((s) => USER_SUBJECTS.has(s));
    if (users.length > 0) security.push({ bearer: [] });
    if (allowed.has('agent')) security.push({ agent: [] });
    if (allowed.has('client')) security.push({ serviceClient: [] });
    const statuses = [401, 503];
    const someUserDenied = !users.includes('group_user');
    if (someUserDenied || !allowed.has('client')) statuses.push(403);
    if (!allowed.has('agent')) statuses.push(404);
    return { security, statuses };
  };
}
