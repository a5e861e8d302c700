import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { completeDocument } from './openapi-document.js';
import {
  openApiPath,
  type RouteAccessLookup,
  type RouteFacts,
  routeFacts,
  routeKey,
} from './openapi-route.js';

export interface OpenApiOptions {
  version: string;
  /** Security and access statuses per route, from the access policy (`src/auth/casbin/route-access.ts`). */
  access: RouteAccessLookup;
  /** A description for every tag a route uses (`redocly lint` fails on a tag without one). */
  tags: Record<string, string>;
}

/**
 * OpenAPI 3.1 generated from the same zod schemas that validate requests, completed centrally
 * (`openapi-document.ts`) so a new route is documented truthfully by default; `/docs` renders it.
 */
export const openApiPlugin = fp(
  async (app: FastifyInstance, opts: OpenApiOptions) => {
    const facts = new Map<string, RouteFacts>();
    // Before swagger's own hook, for every route registered after this plugin.
    app.addHook('onRoute', (route) => {
      for (const fact of routeFacts(route)) facts.set(routeKey(fact.method, openApiPath(fact.url)), fact);
    });
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Stacker API',
          version: opts.version,
          description:
            'Control plane of the Stacker platform: marketplace templates, deployments, the agent command queue. ' +
            'Every error is `application/problem+json` (RFC 9457) with a stable `code`.',
          license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
        },
        servers: [{ url: '/', description: 'The server that serves this document' }],
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'User token issued by the User Service' },
            agent: {
              type: 'apiKey',
              in: 'header',
              name: 'X-Agent-Id',
              description:
                'Agent id, with `Authorization: Bearer <agent token>` and the request signature (agent-protocol.md)',
            },
            serviceClient: {
              type: 'apiKey',
              in: 'header',
              name: 'stacker-id',
              description: 'Service client id, with `stacker-hash` (HMAC-SHA256 of the body)',
            },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: (input) =>
        completeDocument(jsonSchemaTransformObject(input) as Record<string, unknown>, {
          facts,
          access: opts.access,
          tags: opts.tags,
        }) as ReturnType<typeof jsonSchemaTransformObject>,
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
    app.get('/openapi.json', { schema: { hide: true }, config: { authenticate: false } }, async () =>
      app.swagger(),
    );
  },
  { name: 'openapi' },
);
