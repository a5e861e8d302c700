import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isServiceCall, jsonBody, listReply, loggableHeaders, refuseService } from './http-helpers.js';
import { applySyncEvent, syncBodySchema } from './marketplace-sync.js';
import type { EmulatorState } from './state.js';

const productsQuery = z.object({ where: z.string().optional() });

export function registerApiRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get('/api/1.0/category', async (request, reply) => {
    if (!isServiceCall(state, request)) return refuseService(reply);
    return listReply(state, state.store.categories);
  });

  app.get('/api/1.0/products', async (request, reply) => {
    if (!isServiceCall(state, request)) return refuseService(reply);
    const query = productsQuery.safeParse(request.query);
    const where = query.success ? parseWhere(query.data.where) : undefined;
    if (where === undefined) return reply.code(400).send({ error: 'invalid_where' });
    return listReply(state, state.store.findProducts(where));
  });

  app.post('/marketplace/sync', async (request, reply) => {
    const rawBody = typeof request.body === 'string' ? request.body : '';
    const body = jsonBody(rawBody);
    const headers = loggableHeaders(request);
    const refuse = (status: number, error: string) => {
      state.recordSyncEvent({ ...identify(body), outcome: 'refused', status, body, headers });
      return reply.code(status).send({ success: false, error });
    };

    if (!isServiceCall(state, request)) return refuse(401, 'invalid_token');
    if (state.verifyWebhook !== undefined) {
      const verdict = state.verifyWebhook(request.headers, rawBody);
      if (!verdict.ok) return refuse(401, `invalid_signature:${verdict.reason}`);
    }
    const event = syncBodySchema.safeParse(body);
    if (!event.success) return refuse(400, 'invalid_body');

    const result = applySyncEvent(state.store, event.data);
    state.recordSyncEvent({
      ...identify(body),
      outcome: result.outcome,
      status: result.status,
      body,
      headers,
    });
    return reply.code(result.status).send(result.body);
  });
}

/** `where` is a JSON object (Eve style); absent means every product. */
function parseWhere(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return {};
  const parsed = jsonBody(raw);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}

function identify(body: unknown) {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    eventId: text(fields.event_id),
    action: text(fields.action),
    sequence: typeof fields.sequence === 'number' ? fields.sequence : null,
    externalId: text(fields.external_id),
  };
}
