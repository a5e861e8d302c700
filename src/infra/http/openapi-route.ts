import type { RouteOptions } from 'fastify';

/** What the access layer says about one route: its OpenAPI `security` and the statuses its check can answer. */
export interface RouteAccess {
  security: Record<string, string[]>[];
  statuses: number[];
}

export type RouteAccessLookup = (method: string, url: string) => RouteAccess;

/** What the document needs to know about a route beyond its schema, collected when the route is added. */
export interface RouteFacts {
  method: string;
  url: string;
  authenticate: boolean;
  takesInput: boolean;
  takesBody: boolean;
  rateLimited: boolean;
}

/** Fastify's `/a/:id` as OpenAPI's `/a/{id}`. */
export const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

export function routeFacts(route: RouteOptions): RouteFacts[] {
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const config = (route.config ?? {}) as { authenticate?: boolean; rateLimitBucket?: string };
  return [route.method].flat().map((method) => ({
    method: method.toUpperCase(),
    url: route.url,
    authenticate: config.authenticate !== false,
    takesInput: ['params', 'querystring', 'body', 'headers'].some((part) => schema[part] !== undefined),
    takesBody: schema.body !== undefined,
    rateLimited: config.rateLimitBucket !== undefined,
  }));
}
