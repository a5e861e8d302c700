import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentRequestHook } from '../../auth/agent/agent-auth-plugin.js';
import { problemSchema } from '../../infra/http/problem.js';
import { deploymentNotFound } from '../agents/index.js';
import type { StatusPanelContext } from './context.js';
import { deploymentSnapshot, projectSnapshot, type Snapshot } from './snapshot-service.js';

const snapshotQuery = z.object({
  command_limit: z.coerce
    .number()
    .int()
    .default(50)
    .transform((v) => Math.min(500, Math.max(1, v))),
  include_command_results: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

const snapshotSchema = z
  .object({
    agent: z.record(z.string(), z.unknown()).nullable(),
    commands: z.array(z.record(z.string(), z.unknown())),
    containers: z.array(z.record(z.string(), z.unknown())),
    apps: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: 'AgentSnapshot' });

// `stacker status` and `stacker agent history` read commands and containers at the top level.
const snapshotReply = z.object({
  message: z.string(),
  item: snapshotSchema,
  commands: z.array(z.record(z.string(), z.unknown())),
  containers: z.array(z.record(z.string(), z.unknown())),
});

const reply = (message: string, snapshot: Snapshot) => ({
  message,
  item: snapshot,
  commands: snapshot.commands,
  containers: snapshot.containers,
});

/** The deployment's own agent may read its snapshot: the path must name its deployment. */
async function agentChecks(request: FastifyRequest): Promise<void> {
  const principal = request.principal;
  if (principal.kind !== 'agent') return;
  const hash = (request.params as { deployment_hash?: unknown }).deployment_hash;
  if (hash !== principal.agent.deploymentHash) throw deploymentNotFound();
  await agentRequestHook(() => hash)(request);
}

/** Agent snapshots by deployment and by project. */
export function snapshotRoutes(ctx: StatusPanelContext) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['status panel'];

    app.get(
      '/api/v1/agent/deployments/:deployment_hash',
      {
        preValidation: agentChecks,
        schema: {
          tags,
          summary: "A deployment's agent snapshot: agent, recent commands, containers, apps",
          description:
            "Owner, admin or that deployment's own agent; others 404. Command results and errors only with " +
            '`include_command_results=true`; `command_limit` is clamped to 1..500.',
          security: [{ bearer: [] }, { agent: [] }],
          params: z.object({ deployment_hash: z.string().max(128) }),
          querystring: snapshotQuery,
          response: { 200: snapshotReply, 404: problemSchema },
        },
      },
      async (request) => {
        const snapshot = await deploymentSnapshot(ctx, request.principal, request.params.deployment_hash, {
          commandLimit: request.query.command_limit,
          includeResults: request.query.include_command_results,
        });
        return reply('Snapshot fetched successfully', snapshot);
      },
    );

    app.get(
      '/api/v1/agent/project/:project_id',
      {
        schema: {
          tags,
          summary: "The snapshot of a project's most recently heard online agent",
          description: 'None online: 200 with an empty snapshot. A project that is not yours is 404.',
          security: [{ bearer: [] }],
          params: z.object({ project_id: z.string().max(32) }),
          querystring: snapshotQuery,
          response: { 200: snapshotReply, 404: problemSchema },
        },
      },
      async (request) => {
        const { snapshot, found } = await projectSnapshot(ctx, request.principal, request.params.project_id, {
          commandLimit: request.query.command_limit,
          includeResults: request.query.include_command_results,
        });
        return reply(found ? 'Snapshot fetched successfully' : 'No active agent found for project', snapshot);
      },
    );
  };
}
