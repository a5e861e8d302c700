import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireUser } from '../../../src/auth/principal.js';
import { notFound } from '../../../src/infra/http/errors.js';
import { userId } from '../../helpers/auth.js';

/**
 * Test-only routes shaped like the ones the feature modules will add: a preHandler-limited restart
 * route, a deploy route keyed by user, a service-checked logs route behind an ownership check, a route
 * that forgets its check, and an enqueue route choosing the bucket from the body.
 */
export const RATE_LIMIT_TEST_POLICY = [
  'p, group_user, /test/rl/:deployment_hash/restart, POST',
  'p, group_user, /test/rl/deploy, POST',
  'p, group_user, /test/rl/:deployment_hash/logs, GET',
  'p, group_user, /test/rl/:deployment_hash/forgot, GET',
  'p, group_user, /test/rl/enqueue, POST',
];

/** Deployments of the fake ownership check: hash → owner. */
export const OWNED = {
  freeA: 'dep-free-a',
  freeB: 'dep-free-b',
  pro: 'dep-pro',
} as const;

const owners: Record<string, string> = {
  [OWNED.freeA]: userId('customerFree'),
  [OWNED.freeB]: userId('customerFree'),
  [OWNED.pro]: userId('customerPro'),
};

/** Stands in for a service's ownership check: someone else's deployment is "not found". */
function assertOwner(request: FastifyRequest, hash: string): void {
  if (owners[hash] !== requireUser(request).id) throw notFound('Deployment');
}

const hashOf = (request: FastifyRequest) => (request.params as { deployment_hash: string }).deployment_hash;

export function rateLimitTestRoutes(app: FastifyInstance): void {
  app.post(
    '/test/rl/:deployment_hash/restart',
    { config: { rateLimitBucket: 'restart', rateLimitAt: 'preHandler' } },
    async () => ({ ok: true }),
  );
  app.post('/test/rl/deploy', { config: { rateLimitBucket: 'deploy' } }, async (_request, reply) =>
    reply.code(201).send({ ok: true }),
  );
  app.get(
    '/test/rl/:deployment_hash/logs',
    { config: { rateLimitBucket: 'logs', rateLimitAt: 'service' } },
    async (request) => {
      assertOwner(request, hashOf(request));
      await app.rateLimitCheck(request, 'logs');
      return { lines: [] };
    },
  );
  app.get(
    '/test/rl/:deployment_hash/forgot',
    { config: { rateLimitBucket: 'logs', rateLimitAt: 'service' } },
    async () => ({ lines: [] }),
  );
  app.post('/test/rl/enqueue', async (request, reply) => {
    const body = request.body as { deployment_hash: string; command_type: string };
    assertOwner(request, body.deployment_hash);
    if (body.command_type === 'restart') await app.rateLimitCheck(request, 'restart', body.deployment_hash);
    return reply.code(201).send({ ok: true });
  });
}
