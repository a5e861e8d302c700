import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../auth/principal.js';
import { problemSchema } from '../../infra/http/problem.js';
import { parseIdempotencyKey } from '../../infra/idempotency/idempotency.js';
import type { RequestMeta } from '../agents/index.js';
import { toCommandJson } from './command-json.js';
import type { CommandsContext } from './context.js';
import { enqueueCommand } from './enqueue-service.js';
import { encodeCursor } from './feed-cursor.js';
import {
  cancelCommand,
  followDeploymentCommands,
  getCommand,
  latestReplyBody,
  listDeploymentCommands,
  streamStart,
} from './query-service.js';
import {
  commandItemReply,
  commandListReply,
  commandParams,
  enqueueBody,
  hashParams,
  latestReply,
  listQuery,
} from './schemas.js';

const metaOf = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip,
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
});

const errors = { 400: problemSchema, 404: problemSchema, 409: problemSchema };

/** The user side of the queue: enqueue, read, follow, cancel (api.md, "Agents and commands"). */
export function userCommandRoutes(ctx: CommandsContext) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const deps = {
      db: app.db,
      clock: app.clock,
      secretBox: app.secretBox,
      proxyCapabilityMode: app.config.commands.proxyCapabilityMode,
      log: app.log,
    };

    for (const url of ['/api/v1/agent/commands/enqueue', '/api/v1/commands']) {
      app.post(
        url,
        {
          schema: {
            tags: ['commands'],
            summary: 'Queue a command for a deployment',
            description:
              'Known types are validated and stored with their defaults filled; keys the catalog does not ' +
              'name are kept. A type the catalog does not know is stored and delivered unchanged (its ' +
              'parameters: any JSON object up to 64 KiB). 409 `capability_missing` only where the agent ' +
              'would certainly fail (pause/rebuild/backup, a kata runtime, the pipe types, enforce-mode ' +
              'configure_proxy); a deployment without an agent yet still queues.',
            body: enqueueBody,
            response: { 200: commandItemReply, 201: commandItemReply, ...errors },
          },
        },
        async (request, reply) => {
          const body = request.body;
          const result = await enqueueCommand(
            deps,
            requireUser(request),
            {
              deploymentHash: body.deployment_hash,
              commandType: body.command_type,
              priority: body.priority,
              parameters: body.parameters,
              timeoutSeconds: body.timeout_seconds,
            },
            {
              ...metaOf(request),
              idempotencyKey: parseIdempotencyKey(request.headers['idempotency-key']),
              rateLimit: (bucket, hash) => app.rateLimitCheck(request, bucket, hash),
            },
          );
          reply.code(result.status);
          return result.body;
        },
      );
    }

    app.get(
      '/api/v1/commands/:deployment_hash',
      {
        schema: {
          tags: ['commands'],
          summary: "A deployment's commands, newest first, or the changes after `since`",
          params: hashParams,
          querystring: listQuery,
          response: { 200: commandListReply, ...errors },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const hash = request.params.deployment_hash;
        const q = request.query;
        const view = (rows: Parameters<typeof toCommandJson>[0][]) =>
          rows.map((row) => toCommandJson(row, { includeResult: q.include_results }));
        if (q.since === undefined) {
          const page = await listDeploymentCommands(app.db, user, hash, q.limit, q.cursor);
          const meta = { next_cursor: page.nextCursor, next_since: encodeCursor(page.follow) };
          return { message: 'OK', list: view(page.rows), meta };
        }
        const abort = new AbortController();
        reply.raw.once('close', () => abort.abort());
        const page = await followDeploymentCommands(
          { db: app.db, changes: ctx.changes },
          user,
          hash,
          q.since,
          q.limit,
          q.wait_ms,
          abort.signal,
        );
        return {
          message: 'OK',
          list: view(page.rows),
          meta: { next_cursor: null, next_since: encodeCursor(page.next) },
        };
      },
    );

    app.get(
      '/api/v1/commands/:deployment_hash/latest',
      {
        schema: {
          tags: ['commands'],
          summary: 'The newest command per (type, app_code), with its status and result',
          params: hashParams,
          response: { 200: latestReply, ...errors },
        },
      },
      async (request, reply) => {
        // Serialized once per change by this route's own serializer, then sent as it is.
        const body = await latestReplyBody(
          { db: app.db, cache: ctx.latest },
          requireUser(request),
          request.params.deployment_hash,
          (rows) => String(reply.serialize({ message: 'OK', list: rows.map((row) => toCommandJson(row)) })),
        );
        // A string is sent as it is (no second serialization); the type provider types objects only.
        reply.type('application/json; charset=utf-8');
        return reply.send(body as never);
      },
    );

    app.get(
      '/api/v1/commands/:deployment_hash/stream',
      {
        compress: false,
        schema: {
          tags: ['commands'],
          summary: 'Server-Sent Events: one `command` event per change (resume with Last-Event-ID)',
          params: hashParams,
        },
      },
      async (request, reply) => {
        const hash = request.params.deployment_hash;
        const lastEventId = request.headers['last-event-id'];
        const start = await streamStart(
          app.db,
          requireUser(request),
          hash,
          typeof lastEventId === 'string' ? lastEventId : undefined,
        );
        ctx.streams.serve(request, reply, hash, start);
        return reply;
      },
    );

    app.get(
      '/api/v1/commands/:deployment_hash/:command_id',
      {
        schema: {
          tags: ['commands'],
          summary: 'One command',
          params: commandParams,
          response: { 200: commandItemReply, ...errors },
        },
      },
      async (request) => {
        const { deployment_hash, command_id } = request.params;
        const row = await getCommand(app.db, requireUser(request), deployment_hash, command_id);
        return { message: 'OK', item: toCommandJson(row) };
      },
    );

    app.post(
      '/api/v1/commands/:deployment_hash/:command_id/cancel',
      {
        schema: {
          tags: ['commands'],
          summary: 'Cancel a queued command',
          params: commandParams,
          response: { 200: commandItemReply, ...errors },
        },
      },
      async (request) => {
        const { deployment_hash, command_id } = request.params;
        const row = await cancelCommand(
          deps,
          requireUser(request),
          deployment_hash,
          command_id,
          metaOf(request),
        );
        return { message: 'Command cancelled', item: toCommandJson(row) };
      },
    );
  };
}
