import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { agentRequestHook } from '../../auth/agent/agent-auth-plugin.js';
import { unauthorized, unprocessable } from '../../infra/http/errors.js';
import { problemSchema } from '../../infra/http/problem.js';
import type { CommandsContext } from './context.js';
import { reportCommand } from './report-service.js';
import { reportBody, reportReply, waitParams, waitQuery } from './schemas.js';
import { clampPollTimeout, waitReply } from './waiters/wait-replies.js';

const agentOf = (request: FastifyRequest) => {
  const principal = request.principal;
  if (principal?.kind !== 'agent') throw unauthorized('agent_unauthorized', 'An agent is required.');
  return principal.agent;
};

const fromParams = (request: FastifyRequest) =>
  (request.params as Record<string, unknown> | undefined)?.deployment_hash;
const fromBody = (request: FastifyRequest) =>
  typeof request.body === 'object' && request.body !== null
    ? (request.body as Record<string, unknown>).deployment_hash
    : undefined;

/** The agent side of the queue: long-poll and report (agent-protocol.md). */
export function agentCommandRoutes(ctx: CommandsContext) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const cfg = app.config.agent;

    app.get(
      '/api/v1/agent/commands/wait/:deployment_hash',
      {
        preValidation: agentRequestHook(fromParams),
        schema: {
          tags: ['agent protocol'],
          summary: 'Long-poll for the next command of this deployment',
          security: [{ agent: [] }],
          params: waitParams,
          querystring: waitQuery,
          response: { 200: waitReply },
        },
      },
      async (request, reply) => {
        const agent = agentOf(request);
        const timeout = clampPollTimeout(request.query.timeout, cfg.pollDefaultSecs, cfg.pollMaxSecs);
        await ctx.waiters.wait(reply, agent, request.ip, timeout);
        return reply;
      },
    );

    app.post(
      '/api/v1/agent/commands/report',
      {
        bodyLimit: cfg.reportMaxBytes,
        preValidation: agentRequestHook(fromBody),
        schema: {
          tags: ['agent protocol'],
          summary: "Report a command's outcome and result",
          security: [{ agent: [] }],
          body: reportBody,
          response: { 200: reportReply, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request) => {
        const agent = agentOf(request);
        const userAgent = request.headers['user-agent'];
        const outcome = await reportCommand(
          { db: app.db, clock: app.clock, redactor: ctx.redactor },
          agent,
          request.body,
          { ip: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : null },
        );
        if (outcome.invalidReason !== undefined) {
          throw unprocessable('invalid_result', `The result was refused: ${outcome.invalidReason}`, {
            command_id: outcome.commandId,
            status: outcome.status,
          });
        }
        return {
          message: 'Result accepted',
          item: { accepted: true as const, command_id: outcome.commandId, status: outcome.status },
        };
      },
    );
  };
}
