import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { jsonBody } from './http-helpers.js';
import type { EmulatorState } from './state.js';

// Manual counterparts of the `state` hooks. No auth: the emulator only ever listens on loopback.

const purchaseBody = z.object({
  user_id: z.union([z.number(), z.string().min(1)]),
  external_id: z.union([z.string().min(1), z.number()]).transform(String),
});
const failNextBody = z.object({
  count: z.number().int().positive(),
  status: z.number().int().min(100).max(599),
  path: z.string().startsWith('/').optional(),
});
const latencyBody = z.object({ ms: z.number().int().min(0).max(120_000) });
const revokeBody = z.object({ token: z.string().min(1) });

export function registerDevRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.post('/dev/purchases', async (request, reply) => {
    const body = purchaseBody.safeParse(jsonBody(request.body));
    if (!body.success) return reply.code(400).send({ error: 'invalid_body' });
    const result = state.purchase(body.data.user_id, body.data.external_id);
    if (!result.ok) return reply.code(404).send({ error: result.error });
    return reply.code(201).send({ success: true, product: result.product });
  });

  app.post('/dev/fail-next', async (request, reply) => {
    const body = failNextBody.safeParse(jsonBody(request.body));
    if (!body.success) return reply.code(400).send({ error: 'invalid_body' });
    state.failNext(
      body.data.count,
      body.data.status,
      body.data.path === undefined ? {} : { path: body.data.path },
    );
    return { success: true };
  });

  app.post('/dev/latency', async (request, reply) => {
    const body = latencyBody.safeParse(jsonBody(request.body));
    if (!body.success) return reply.code(400).send({ error: 'invalid_body' });
    state.setLatency(body.data.ms);
    return { success: true };
  });

  app.post('/dev/revoke', async (request, reply) => {
    const body = revokeBody.safeParse(jsonBody(request.body));
    if (!body.success) return reply.code(400).send({ error: 'invalid_body' });
    state.revokeToken(body.data.token);
    return { success: true };
  });

  app.post('/dev/reset', async () => {
    state.reset();
    return { success: true };
  });

  // For container healthchecks: answers once the emulator listens (not counted as a call).
  app.get('/dev/health', async () => ({ status: 'ok' }));
  app.get('/dev/calls', async () => ({ calls: state.callCounts() }));
  app.get('/dev/sync-events', async () => ({ _items: state.syncEvents }));
  app.get('/dev/products', async () => ({ _items: state.store.products }));
}
