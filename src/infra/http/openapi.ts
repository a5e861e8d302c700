import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 generated from the same zod schemas that validate requests; `/docs` renders it. */
export const openApiPlugin = fp(
  async (app: FastifyInstance, opts: { version: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Stacker API',
          version: opts.version,
          description:
            'Control plane of the Stacker platform: marketplace templates, deployments, the agent command queue.',
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'User token issued by the User Service' },
            agent: {
              type: 'apiKey',
              in: 'header',
              name: 'X-Agent-Id',
              description: 'Agent id + bearer + signature',
            },
            serviceClient: {
              type: 'apiKey',
              in: 'header',
              name: 'stacker-id',
              description: 'Service client + stacker-hash',
            },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
    app.get('/openapi.json', { schema: { hide: true }, config: { authenticate: false } }, async () =>
      app.swagger(),
    );
  },
  { name: 'openapi' },
);
