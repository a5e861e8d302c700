import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { agentRequestHook } from '../../auth/agent/agent-auth-plugin.js';
import { requireUser } from '../../auth/principal.js';
import { itemEnvelope } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import { deploymentNotFound } from '../agents/index.js';
import { getCapabilities } from './capabilities-service.js';
import { callerOf, type StatusPanelContext } from './context.js';
import { appParams, capabilitiesItem, hashParams, pendingReply, resultReply } from './schemas.js';
import type { SyncOutcome } from './sync-service.js';
import { runSynchronously } from './sync-service.js';

const errors = {
  400: problemSchema,
  404: problemSchema,
  409: problemSchema,
  502: problemSchema,
  503: problemSchema,
};

/** An abort signal that fires when the client goes away, so a synchronous wait stops with it. */
export function closeSignal(reply: FastifyReply): AbortSignal {
  const abort = new AbortController();
  reply.raw.once('close', () => abort.abort());
  return abort.signal;
}

/** 200 with the result, or 202 with the command to follow (and where to follow it). */
export function sendSyncOutcome(reply: FastifyReply, hash: string, outcome: SyncOutcome, pending: string) {
  if (outcome.kind === 'done') return reply.code(200).send({ message: 'OK', item: outcome.result as never });
  reply.header('location', `/api/v1/commands/${encodeURIComponent(hash)}/${outcome.commandId}`);
  return reply
    .code(202)
    .send({ message: pending, command_id: outcome.commandId, status: 'pending' as const });
}

/**
 * The deployment's own agent may read its capabilities: the path must name its deployment (404
 * otherwise, like for anyone else), then the usual agent checks (timestamp, signature, replay) run.
 */
async function agentChecks(request: FastifyRequest): Promise<void> {
  const principal = request.principal;
  if (principal.kind !== 'agent') return;
  const hash = (request.params as { deployment_hash?: unknown }).deployment_hash;
  if (hash !== principal.agent.deploymentHash) throw deploymentNotFound();
  await agentRequestHook(() => hash)(request);
}

/** Capabilities and the synchronous health check. */
export function capabilitiesRoutes(ctx: StatusPanelContext) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/deployments/:deployment_hash/capabilities',
      {
        preValidation: agentChecks,
        schema: {
          tags: ['status panel'],
          summary: 'What the deployment’s agent can do, whether it is online, and its compose agent',
          params: hashParams,
          response: { 200: itemEnvelope(capabilitiesItem), 404: problemSchema },
        },
      },
      async (request) => ({
        message: 'OK',
        item: await getCapabilities(ctx, request.principal, request.params.deployment_hash),
      }),
    );

    app.get(
      '/api/health/deployment/:deployment_hash/app/:app_code',
      {
        schema: {
          tags: ['status panel'],
          summary: 'Health of one app (or `all`), answered by the agent within HEALTH_CHECK_TIMEOUT_SECS',
          description:
            '200 with the health result; 202 with the command id when the agent has not answered in time; ' +
            '503 `agent_offline` at once when the agent is offline. A health check already in flight for ' +
            'the same app is reused.',
          params: appParams,
          response: { 200: resultReply, 202: pendingReply, ...errors },
        },
      },
      async (request, reply) => {
        const { deployment_hash: hash, app_code: appCode } = request.params;
        const outcome = await runSynchronously(
          ctx,
          requireUser(request),
          callerOf(request, closeSignal(reply)),
          {
            deploymentHash: hash,
            commandType: 'health',
            parameters: { app_code: appCode },
          },
        );
        return sendSyncOutcome(reply, hash, outcome, 'Health check pending');
      },
    );
  };
}
