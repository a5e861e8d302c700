import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../auth/principal.js';
import { item, itemEnvelope, list, listEnvelope } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import { parseIdempotencyKey } from '../../infra/idempotency/idempotency.js';
import { type Caller, type DeployDeps, deployTemplate } from './deploy-service.js';
import {
  byHashParams,
  createDeploymentBody,
  createdDeploymentSchema,
  deploymentSchema,
  forceCompleteParams,
  forceCompleteQuery,
  hashParams,
  type InstallTemplateInput,
  idOrHashParams,
  installedTemplateSchema,
  installTemplateBody,
  listQuery,
  projectIdParams,
  slugParams,
} from './schemas.js';
import { deleteDeployment, getDeployment, listDeployments } from './service.js';
import { forceComplete, getProjectDeployment } from './status-service.js';

export type DeployDepsFactory = (request: FastifyRequest) => DeployDeps;

function callerOf(request: FastifyRequest): Caller {
  const user = requireUser(request);
  const principal = request.principal;
  return { user, token: principal.kind === 'user' ? principal.token : '' };
}

function send<T>(reply: FastifyReply, outcome: { status: number; body: T; replayed: boolean }): T {
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  reply.code(outcome.status);
  return outcome.body;
}

const refusals = { 402: problemSchema, 403: problemSchema, 404: problemSchema, 503: problemSchema };
const IDEMPOTENCY_NOTE =
  ' An `Idempotency-Key` header makes a retry within 24 h return the first reply and deploy nothing again.';
// The ownership check (404) runs before the limiter, so the count happens in the service.
const deployLimit = { rateLimitBucket: 'deploy', rateLimitAt: 'service' } as const;

/** Deployments: the two ways to deploy a template (API and CLI), and the caller's deployments. */
export async function deploymentRoutes(instance: FastifyInstance, opts: { deps: DeployDepsFactory }) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['deployments'];

  app.post(
    '/api/v1/deployments',
    {
      config: deployLimit,
      schema: {
        tags,
        summary: 'Deploy a marketplace template',
        description:
          'Runs the ownership gate (402 not purchased, 403 plan required, 503 when the User Service cannot ' +
          'confirm), then creates the project and the deployment and queues the install message. ' +
          'cloud, server and environment are encrypted at rest and never returned.' +
          IDEMPOTENCY_NOTE,
        security: [{ bearer: [] }],
        body: createDeploymentBody,
        response: { 201: itemEnvelope(createdDeploymentSchema), ...refusals },
      },
    },
    async (request, reply) => {
      const { template, name, cloud, server, environment } = request.body;
      const outcome = await deployTemplate(
        opts.deps(request),
        callerOf(request),
        { templateRef: template, name, secrets: { cloud, server, environment } },
        {
          idempotencyKey: parseIdempotencyKey(request.headers['idempotency-key']),
          route: 'deployments.create',
          reply: (created) =>
            item({ project: created.project, deployment: created.deployment }, 'Deployment accepted'),
        },
      );
      return send(reply, outcome);
    },
  );

  app.post(
    '/api/templates/:slug/install',
    {
      config: deployLimit,
      schema: {
        tags,
        summary: "Deploy a marketplace template (the CLI's form)",
        description:
          'Same gate and effect as POST /api/v1/deployments; `install_inputs` are environment values.',
        security: [{ bearer: [] }],
        params: slugParams,
        body: installTemplateBody,
        response: { 201: itemEnvelope(installedTemplateSchema), ...refusals },
      },
    },
    async (request, reply) => {
      const body: NonNullable<InstallTemplateInput> = request.body ?? {
        name: undefined,
        deploy: undefined,
        install_inputs: undefined,
      };
      const environment =
        body.deploy?.environment || body.install_inputs
          ? { ...body.deploy?.environment, ...body.install_inputs }
          : undefined;
      const outcome = await deployTemplate(
        opts.deps(request),
        callerOf(request),
        {
          templateRef: request.params.slug,
          name: body.name,
          secrets: { cloud: body.deploy?.cloud, server: body.deploy?.server, environment },
        },
        {
          idempotencyKey: parseIdempotencyKey(request.headers['idempotency-key']),
          route: 'templates.install',
          reply: (created) =>
            item(
              {
                project: created.project,
                template: created.template.view,
                latest_version: created.template.versionView,
                deployment_id: created.deployment.id,
                deployment_hash: created.deployment.deployment_hash,
              },
              'Deployment accepted',
            ),
        },
      );
      return send(reply, outcome);
    },
  );

  app.get(
    '/api/v1/deployments',
    {
      schema: {
        tags,
        summary: 'Your deployments, newest first',
        description:
          "With `project_id`, that project's deployments that are not deleted (404 when the project is not " +
          'yours). `limit` is clamped to 1..500.',
        security: [{ bearer: [] }],
        querystring: listQuery,
        response: { 200: listEnvelope(deploymentSchema) },
      },
    },
    async (request) => {
      const { limit, cursor, project_id } = request.query;
      const page = await listDeployments(opts.deps(request), requireUser(request), {
        limit,
        cursor,
        projectId: project_id,
      });
      return list(page.items, { next_cursor: page.nextCursor });
    },
  );

  app.get(
    '/api/v1/deployments/hash/:hash',
    {
      schema: {
        tags,
        summary: 'One deployment by its hash',
        description:
          "Reads a digits-only hash too. Someone else's deployment is 404, like one that does not exist.",
        security: [{ bearer: [] }],
        params: byHashParams,
        response: { 200: itemEnvelope(deploymentSchema), 404: problemSchema },
      },
    },
    async (request) =>
      item(await getDeployment(opts.deps(request), requireUser(request), request.params.hash, true)),
  );

  app.get(
    '/api/v1/deployments/project/:project_id',
    {
      schema: {
        tags,
        summary: "A project's newest deployment",
        description:
          'The newest deployment of the project that is not deleted. 404 "No deployment found for this ' +
          'project" when there is none or neither it nor the project is yours.',
        security: [{ bearer: [] }],
        params: projectIdParams,
        response: { 200: itemEnvelope(deploymentSchema), 404: problemSchema },
      },
    },
    async (request) =>
      item(await getProjectDeployment(opts.deps(request), requireUser(request), request.params.project_id)),
  );

  app.post(
    '/api/v1/deployments/:id/force-complete',
    {
      schema: {
        tags,
        summary: 'Mark a stuck deployment completed',
        description:
          'From `paused` or `error`; `force=true` allows any status but `deleted`. Otherwise 409 ' +
          '`invalid_transition`. The old status is kept as metadata `force_completed_from`.',
        security: [{ bearer: [] }],
        params: forceCompleteParams,
        querystring: forceCompleteQuery,
        response: { 200: itemEnvelope(deploymentSchema), 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) =>
      item(
        await forceComplete(opts.deps(request), requireUser(request), request.params.id, request.query.force),
        'Deployment force-completed',
      ),
  );

  app.get(
    '/api/v1/deployments/:deployment_hash',
    {
      schema: {
        tags,
        summary: 'One deployment with its status, by id or hash',
        description:
          'A digits-only segment is the deployment id, anything else its hash (a digits-only hash is read ' +
          "through /hash/{hash}). Someone else's deployment is 404, like one that does not exist (admins " +
          'may read any).',
        security: [{ bearer: [] }],
        params: idOrHashParams,
        response: { 200: itemEnvelope(deploymentSchema), 404: problemSchema },
      },
    },
    async (request) =>
      item(await getDeployment(opts.deps(request), requireUser(request), request.params.deployment_hash)),
  );

  app.delete(
    '/api/v1/deployments/:deployment_hash',
    {
      schema: {
        tags,
        summary: 'Delete a deployment',
        description:
          'Final: the deployment becomes `deleted`, its agent is revoked, its queued commands are cancelled ' +
          'and the Install Service is told. Deleting it again changes nothing.',
        security: [{ bearer: [] }],
        params: hashParams,
        response: { 200: itemEnvelope(deploymentSchema), 404: problemSchema },
      },
    },
    async (request) =>
      item(
        await deleteDeployment(opts.deps(request), requireUser(request), request.params.deployment_hash),
        'Deployment deleted',
      ),
  );
}
