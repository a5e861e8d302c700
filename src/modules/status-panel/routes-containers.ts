import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../auth/principal.js';
import { problemSchema } from '../../infra/http/problem.js';
import { CONTAINER_ACTIONS, enqueueContainerAction } from './container-service.js';
import { callerOf, type StatusPanelContext } from './context.js';
import { closeSignal, sendSyncOutcome } from './routes-capabilities.js';
import {
  appParams,
  commandReply,
  containerActionBody,
  logsQuery,
  pendingReply,
  resultReply,
} from './schemas.js';
import { runSynchronously } from './sync-service.js';

const errors = {
  400: problemSchema,
  404: problemSchema,
  409: problemSchema,
  429: problemSchema,
  502: problemSchema,
  503: problemSchema,
};

/** The legacy container routes over the pull queue (hosts without a compose agent). */
export function containerRoutes(ctx: StatusPanelContext) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    for (const action of CONTAINER_ACTIONS) {
      app.post(
        `/api/v1/deployments/:deployment_hash/containers/:app_code/${action}`,
        {
          config: { rateLimitBucket: 'restart', rateLimitAt: 'service' },
          schema: {
            tags: ['status panel'],
            summary: `Queue a ${action} of one app's container (202 with the command)`,
            params: appParams,
            body: containerActionBody,
            response: { 202: commandReply, ...errors },
          },
        },
        async (request, reply) => {
          const { deployment_hash: hash, app_code: appCode } = request.params;
          const options = Object.fromEntries(
            Object.entries(request.body ?? {}).filter(([, value]) => value !== null && value !== undefined),
          );
          const item = await enqueueContainerAction(ctx, requireUser(request), callerOf(request), {
            deploymentHash: hash,
            action,
            appCode,
            options,
          });
          return reply.code(202).send({ message: 'Command enqueued', item });
        },
      );
    }

    app.get(
      '/api/v1/deployments/:deployment_hash/containers/:app_code/logs',
      {
        config: { rateLimitBucket: 'logs', rateLimitAt: 'service' },
        schema: {
          tags: ['status panel'],
          summary: "One app's recent log lines, redacted, answered like the health check (200 or 202)",
          params: appParams,
          querystring: logsQuery,
          response: { 200: resultReply, 202: pendingReply, ...errors },
        },
      },
      async (request, reply) => {
        const { deployment_hash: hash, app_code: appCode } = request.params;
        const { limit, cursor } = request.query;
        const outcome = await runSynchronously(
          ctx,
          requireUser(request),
          callerOf(request, closeSignal(reply)),
          {
            deploymentHash: hash,
            commandType: 'logs',
            parameters: { app_code: appCode, limit, cursor },
          },
        );
        return sendSyncOutcome(reply, hash, outcome, 'Logs pending');
      },
    );
  };
}
