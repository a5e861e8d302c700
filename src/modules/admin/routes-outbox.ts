import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, requireUser } from '../../auth/principal.js';
import { item, itemEnvelope, list, listEnvelope } from '../../infra/http/envelope.js';
import { outboxEventView, outboxIdParams, outboxListQuery } from './outbox-schemas.js';
import { type AdminActor, discardOutboxEvent, listOutboxEvents, retryOutboxEvent } from './outbox-service.js';

function adminActor(request: FastifyRequest): AdminActor {
  requireUser(request);
  const userAgent = request.headers['user-agent'];
  return { ...actorOf(request.principal), ip: request.ip ?? null, userAgent: userAgent ?? null };
}

/** Admin view of deliveries to other services: see them, put a dead one back in line, or give it up. */
export async function adminOutboxRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const deps = { db: app.db, clock: app.clock };
  const tags = ['admin'];

  app.get(
    '/api/admin/outbox',
    {
      schema: {
        tags,
        summary: 'Deliveries to other services (outbox), oldest first',
        description: 'Encrypted payload parts are shown as "***". `status=dead` lists what needs an admin.',
        querystring: outboxListQuery,
        response: { 200: listEnvelope(outboxEventView) },
      },
    },
    async (request) => {
      const page = await listOutboxEvents(deps, request.query);
      return list(page.items, { next_cursor: page.nextCursor });
    },
  );

  app.post(
    '/api/admin/outbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Put a dead delivery back in line',
        description: 'Starts its retry schedule afresh; the relays pick it up within a second.',
        params: outboxIdParams,
        response: { 200: itemEnvelope(outboxEventView) },
      },
    },
    async (request) => item(await retryOutboxEvent(deps, request.params.id, adminActor(request)), 'Requeued'),
  );

  app.post(
    '/api/admin/outbox/:id/discard',
    {
      schema: {
        tags,
        summary: 'Give a delivery up',
        description: 'For a dead or waiting event; the later events of its ordering key then go out.',
        params: outboxIdParams,
        response: { 200: itemEnvelope(outboxEventView) },
      },
    },
    async (request) =>
      item(await discardOutboxEvent(deps, request.params.id, adminActor(request)), 'Discarded'),
  );
}
