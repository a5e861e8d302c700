import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../auth/principal.js';
import { item, itemEnvelope } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';

const meSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  role: z.string(),
  plan: z.string().nullable(),
});

/** `GET /api/v1/me`: who the bearer token belongs to. */
export async function meRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'The signed-in user',
        security: [{ bearer: [] }],
        response: { 200: itemEnvelope(meSchema), 401: problemSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return item({ id: user.id, email: user.email, role: user.role, plan: user.plan });
    },
  );
}
