import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { list, listEnvelope } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import { agentListQuery, agentView } from './agents-schemas.js';
import { listAgents } from './agents-service.js';
import { registerComposeOfflineGauge } from './offline-gauge.js';

/** Agents by liveness, for ops: the compose agent offline alert points here. */
export async function adminAgentRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const deps = { db: app.db, clock: app.clock, offlineAfterSecs: app.config.agent.offlineAfterSecs };
  // The alert's gauge counts what this route lists.
  registerComposeOfflineGauge(app);

  app.get(
    '/api/admin/agents',
    {
      schema: {
        tags: ['admin'],
        summary: 'Agents by liveness, longest silent first',
        description:
          '`offline_for=15m&capability=compose_agent` lists what the StackerComposeAgentsOffline alert counts.',
        querystring: agentListQuery,
        response: { 200: listEnvelope(agentView), 400: problemSchema },
      },
    },
    async (request) => {
      const page = await listAgents(deps, request.query);
      return list(page.items, { next_cursor: page.nextCursor });
    },
  );
}
