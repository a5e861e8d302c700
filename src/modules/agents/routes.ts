import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { agentRequestHook } from '../../auth/agent/agent-auth-plugin.js';
import { problemSchema } from '../../infra/http/problem.js';
import { createRedactor } from '../../infra/redaction/index.js';
import { recordAppStatus } from './app-status-service.js';
import { agentIdParams, appStatusBody, credentialsReply, okReply, registerBody } from './schemas.js';
import { type AgentDeps, type RequestMeta, registerAgent, rotateAgentToken } from './service.js';

const metaOf = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip,
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
});

const bodyField = (field: string) => (request: FastifyRequest) =>
  typeof request.body === 'object' && request.body !== null
    ? (request.body as Record<string, unknown>)[field]
    : undefined;

/** Registration, token rotation and the agent's app status report. */
export async function agentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps: AgentDeps = { db: app.db, secretBox: app.secretBox, clock: app.clock, config: app.config };
  const redactor = createRedactor(app.config.redaction);

  app.post(
    '/api/v1/agent/register',
    {
      schema: {
        tags: ['agents'],
        summary: "Register a deployment's agent (or return the current one's token)",
        body: registerBody,
        response: { 200: credentialsReply, 201: credentialsReply, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const { created, item } = await registerAgent(
        deps,
        request.principal,
        {
          deploymentHash: body.deployment_hash,
          agentVersion: body.agent_version,
          capabilities: body.capabilities,
          systemInfo: body.system_info,
          rotate: body.rotate,
        },
        metaOf(request),
      );
      reply.code(created ? 201 : 200);
      return { data: { item } };
    },
  );

  app.post(
    '/api/v1/agent/:agent_id/rotate-token',
    {
      schema: {
        tags: ['agents'],
        summary: "Issue a new agent token (the old one works until the new one's first use)",
        params: agentIdParams,
        response: { 200: credentialsReply, 404: problemSchema },
      },
    },
    async (request) => {
      const item = await rotateAgentToken(deps, request.principal, request.params.agent_id, metaOf(request));
      return { data: { item } };
    },
  );

  app.post(
    '/api/v1/apps/status',
    {
      preValidation: agentRequestHook(bodyField('deployment_hash')),
      schema: {
        tags: ['agent protocol'],
        summary: "The agent's latest status and log tail of one app",
        security: [{ agent: [] }],
        body: appStatusBody,
        response: { 200: okReply },
      },
    },
    async (request) => {
      const body = request.body;
      await recordAppStatus(
        app.db,
        redactor,
        {
          deploymentHash: body.deployment_hash,
          appCode: body.app_code,
          status: body.status,
          logs: body.logs,
        },
        app.clock.now(),
      );
      return { message: 'OK' };
    },
  );
}
