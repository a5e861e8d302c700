import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentRequestHook } from '../../auth/agent/agent-auth-plugin.js';
import type { AuthUser } from '../../auth/principal.js';
import { AppError, badRequest, unauthorized } from '../../infra/http/errors.js';
import { problemSchema } from '../../infra/http/problem.js';
import { linkAgent } from './link-service.js';
import type { AgentDeps, RequestMeta } from './service.js';

const metaOf = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip,
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
});

const linkBody = z.object({
  session_token: z.string().trim().min(1).max(4096),
  deployment_id: z.string().trim().min(1).max(128).describe("The deployment's hash"),
  server_fingerprint: z.unknown().optional(),
  capabilities: z.array(z.string().trim().min(1).max(128)).max(100).nullish(),
});

// Flat, unlike register's {data: {item}}: the CLI's LinkResp and the agent's RegistrationResponse.
const linkReply = z
  .object({
    agent_id: z.string(),
    agent_token: z.string(),
    deployment_hash: z.string(),
    dashboard_url: z.string(),
  })
  .meta({
    id: 'AgentLink',
    example: {
      agent_id: '5f0c0d1e-8b7a-4c55-9a51-0c4c6f0e2a11',
      agent_token: '<86 characters>',
      deployment_hash: 'deployment_0b6d…',
      dashboard_url: 'https://try.direct/dashboard/deployments/12',
    },
  });

const notification = z.object({
  id: z.string(),
  kind: z.enum(['stack_update_available', 'stack_published', 'system_notice']),
  title: z.string(),
  message: z.string(),
  stack_id: z.string().nullable().optional(),
  stack_name: z.string().optional(),
  new_version: z.string().optional(),
  created_at: z.string(),
  read: z.boolean().optional(),
});
const notificationsReply = z.object({
  message: z.string(),
  notifications: z.array(notification),
  item: z.object({ notifications: z.array(notification) }),
});

/** The agent's remaining calls: link (its local UI and the CLI), notifications, and purchase tokens. */
export function agentExtraRoutes(deps: AgentDeps, authenticate: (token: string) => Promise<AuthUser>) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['agents'];

    app.post(
      '/api/v1/agent/link',
      {
        config: { authenticate: false },
        schema: {
          tags,
          summary: "Link the host's agent to one of your deployments with your session",
          description:
            'Anonymous route: the session token in the body is checked with the User Service (403 when ' +
            'refused). An existing agent keeps its current token, never a rotated one; otherwise a new agent ' +
            'is registered. The reply is flat (not `{data: {item}}`).',
          body: linkBody,
          response: { 200: linkReply, 403: problemSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request) => {
        const body = request.body;
        return linkAgent(
          deps,
          authenticate,
          {
            sessionToken: body.session_token,
            deploymentHash: body.deployment_id,
            fingerprint: body.server_fingerprint,
            capabilities: body.capabilities ?? undefined,
          },
          metaOf(request),
        );
      },
    );

    app.get(
      '/api/v1/agent/notifications',
      {
        preValidation: async (request) => {
          const principal = request.principal;
          if (principal.kind !== 'agent') throw unauthorized();
          const query = request.query as { deployment_hash?: unknown };
          if (
            query.deployment_hash !== undefined &&
            query.deployment_hash !== principal.agent.deploymentHash
          ) {
            throw badRequest('wrong_deployment', "deployment_hash is not this agent's deployment.", [
              { path: 'querystring.deployment_hash', message: "is not this agent's deployment" },
            ]);
          }
          await agentRequestHook(() => principal.agent.deploymentHash)(request);
        },
        schema: {
          tags,
          summary: "The agent's notifications (none yet)",
          description:
            'Stacker has no notification source yet: the list is empty. `deployment_hash`, when given, must be ' +
            "the agent's own (else 400 `wrong_deployment`).",
          querystring: z.object({ deployment_hash: z.string().max(128).optional() }),
          response: { 200: notificationsReply, 400: problemSchema },
        },
      },
      async () => ({ message: 'Notifications fetched', notifications: [], item: { notifications: [] } }),
    );

    app.post(
      '/api/v1/marketplace/agents/register',
      {
        config: { authenticate: false },
        schema: {
          tags,
          summary: 'Register an agent with a marketplace purchase token (not available yet)',
          description:
            'Always 501: the User Service cannot check purchase tokens yet, and credentials issued without ' +
            'that check could never authenticate.',
          response: { 501: problemSchema },
        },
      },
      async () => {
        throw new AppError(
          501,
          'purchase_token_unsupported',
          'Registration with a purchase token is not available yet: the User Service cannot check purchase ' +
            'tokens. Register the agent with `stacker agent install` (or the agent UI login) instead.',
        );
      },
    );
  };
}
