import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../auth/principal.js';
import { problemSchema } from '../../infra/http/problem.js';
import type { ComposeAction } from './compose-actions.js';
import { registerComposeAgent, removeComposeAgent } from './compose-registration-service.js';
import { callComposeAgent } from './compose-service.js';
import { callerOf, type StatusPanelContext } from './context.js';
import {
  agentIdParams,
  composeAppQuery,
  composeLogsQuery,
  composeRegistrationBody,
  composeRegistrationReply,
  composeRestartBody,
  hashParams,
  resultReply,
} from './schemas.js';

const errors = {
  400: problemSchema,
  404: problemSchema,
  409: problemSchema,
  429: problemSchema,
  502: problemSchema,
  503: problemSchema,
  504: problemSchema,
};

const metaOf = (request: FastifyRequest) => {
  const { ip, userAgent } = callerOf(request);
  return { ip, userAgent };
};

/** The compose agent routes (the push exception) and the registration of a host's compose agent. */
export function composeRoutes(ctx: StatusPanelContext) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    const call = (request: FastifyRequest, action: ComposeAction, params: Record<string, unknown>) =>
      callComposeAgent(ctx, requireUser(request), callerOf(request), {
        deploymentHash: (request.params as { deployment_hash: string }).deployment_hash,
        action,
        params,
      }).then((result) => ({ message: 'OK', item: result as Record<string, unknown> | null }));

    const tags = ['compose agent'];
    for (const action of ['status', 'metrics'] as const) {
      app.get(
        `/api/v1/compose/:deployment_hash/${action}`,
        {
          schema: {
            tags,
            summary:
              action === 'status'
                ? 'Container health from the compose agent (`health`, no metrics)'
                : 'Container health with metrics from the compose agent',
            params: hashParams,
            querystring: composeAppQuery,
            response: { 200: resultReply, ...errors },
          },
        },
        async (request) => call(request, action, { app_code: request.query.app_code }),
      );
    }

    app.get(
      '/api/v1/compose/:deployment_hash/logs',
      {
        config: { rateLimitBucket: 'logs', rateLimitAt: 'service' },
        schema: {
          tags,
          summary: "One app's log lines from the compose agent, redacted by Stacker",
          params: hashParams,
          querystring: composeLogsQuery,
          response: { 200: resultReply, ...errors },
        },
      },
      async (request) => call(request, 'logs', { ...request.query }),
    );

    app.post(
      '/api/v1/compose/:deployment_hash/restart',
      {
        config: { rateLimitBucket: 'restart', rateLimitAt: 'service' },
        schema: {
          tags,
          summary: "Restart one app's container through the compose agent (synchronous)",
          params: hashParams,
          body: composeRestartBody,
          response: { 200: resultReply, ...errors },
        },
      },
      async (request) => call(request, 'restart', { ...request.body }),
    );

    app.put(
      '/api/v1/agent/:agent_id/compose-agent',
      {
        schema: {
          tags,
          summary: "Register where the agent's compose agent listens and its token (admin or compose:write)",
          params: agentIdParams,
          body: composeRegistrationBody,
          response: {
            200: composeRegistrationReply,
            400: problemSchema,
            404: problemSchema,
            409: problemSchema,
          },
        },
      },
      async (request) => {
        const body = request.body;
        const item = await registerComposeAgent(
          ctx,
          request.principal,
          request.params.agent_id,
          { url: body.url, composeAgentId: body.agent_id, token: body.token },
          metaOf(request),
        );
        return { message: 'Compose agent registered', item };
      },
    );

    app.delete(
      '/api/v1/agent/:agent_id/compose-agent',
      {
        schema: {
          tags,
          summary: "Remove the agent's compose agent registration",
          params: agentIdParams,
          response: { 200: composeRegistrationReply, 404: problemSchema },
        },
      },
      async (request) => {
        const item = await removeComposeAgent(
          ctx,
          request.principal,
          request.params.agent_id,
          metaOf(request),
        );
        return { message: 'Compose agent removed', item };
      },
    );
  };
}
