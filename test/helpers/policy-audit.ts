import type { FastifyInstance } from 'fastify';

/** Every subject a caller can have. */
export const SUBJECTS = ['anonym', 'group_user', 'group_admin', 'root', 'agent', 'client'] as const;

/** Routes anyone may call without credentials: the explicit allowlist. */
export const PUBLIC_ROUTES = new Set([
  'GET /health_check',
  'GET /metrics',
  'GET /openapi.json',
  'GET /docs',
  'GET /docs/',
  'GET /docs/*',
  'GET /docs/static/*',
  'GET /docs/static/index.html',
  'GET /docs/static/swagger-initializer.js',
  'GET /docs/json',
  'GET /docs/yaml',
  'GET /api/templates',
  'GET /api/templates/:slug',
  'GET /api/v1/marketplace/applications',
  'GET /api/categories',
  'POST /api/v1/agent/login',
  'POST /api/v1/agent/link',
  'POST /api/v1/marketplace/agents/register',
  'POST /api/v1/handoff/resolve',
]);

/** Routes no subject may call (a missing policy line), and non-public routes open to anonymous callers. */
export function auditPolicy(app: FastifyInstance): { unguarded: string[]; openToAnonymous: string[] } {
  const unguarded: string[] = [];
  const openToAnonymous: string[] = [];
  const seen = new Set<string>();
  for (const { method, url } of app.routeList) {
    if (method === 'HEAD' || method === 'OPTIONS') continue;
    const key = `${method} ${url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!SUBJECTS.some((subject) => app.accessControl.allowed(subject, url, method))) unguarded.push(key);
    if (app.accessControl.allowed('anonym', url, method) && !PUBLIC_ROUTES.has(key))
      openToAnonymous.push(key);
  }
  return { unguarded, openToAnonymous };
}
