import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../auth/principal.js';
import { problemSchema } from '../../infra/http/problem.js';
import { deployBody, deployCloudParams, deployParams, deployReply, rollbackBody } from './deploy-schemas.js';
import { deployProject } from './deploy-service.js';
import { rollbackProject } from './rollback-service.js';
import type { ProjectDepsFactory } from './routes.js';

const REFUSALS = { 404: problemSchema };
const DEPLOY_NOTE =
  'Every check runs before anything is written (the CLI sends a refused deploy twice): 404 for a ' +
  "project, cloud or server that is not the caller's, then 400 for the instance configuration, the " +
  'credentials and `public_ports`. Then the server is created (or reused with `server.server_id`) with ' +
  'an Ed25519 key, a `pending` deployment is recorded and the install message is queued. The reply ' +
  'carries the project id and `meta.deployment_id`; the hash is read from GET /api/v1/deployments/{id}.';

/** Deploy a project (projects.md, "Deploy"). */
export async function deployRoutes(
  instance: FastifyInstance,
  opts: { deps: ProjectDepsFactory; base: string },
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const security = [{ bearer: [] }];

  app.post(
    `${opts.base}/:id/deploy`,
    {
      schema: {
        tags,
        summary: 'Deploy a project',
        description: `${DEPLOY_NOTE} Cloud credentials are inline or those of the saved cloud named \`cloud.name\`.`,
        security,
        params: deployParams,
        body: deployBody,
        response: { 200: deployReply, ...REFUSALS },
      },
    },
    async (request) => {
      const done = await deployProject(
        opts.deps(request),
        requireUser(request),
        request.params.id,
        request.body,
      );
      return { message: 'Success', id: done.projectId, meta: { deployment_id: done.deploymentId } };
    },
  );

  app.post(
    `${opts.base}/:id/deploy/:cloud_id`,
    {
      schema: {
        tags,
        summary: 'Deploy a project with a saved cloud',
        description: `${DEPLOY_NOTE} The saved cloud \`{cloud_id}\` sets the provider and the credentials (404 "No cloud configured" unless it is the caller's).`,
        security,
        params: deployCloudParams,
        body: deployBody,
        response: { 200: deployReply, ...REFUSALS },
      },
    },
    async (request) => {
      const { id, cloud_id } = request.params;
      const done = await deployProject(opts.deps(request), requireUser(request), id, request.body, cloud_id);
      return { message: 'Success', id: done.projectId, meta: { deployment_id: done.deploymentId } };
    },
  );

  app.post(
    `${opts.base}/:id/rollback`,
    {
      schema: {
        tags,
        summary: 'Roll a marketplace project back (or forward) to a template version',
        description:
          'Refusals, each before any write: 400 "Rollback is only available for marketplace projects", 404 ' +
          "for a project that is not the caller's, 400 for an unknown version, 400 unless the project has " +
          'exactly one server with a saved cloud, 404 when that cloud is gone. Then the server is deployed ' +
          "again with the version's stack definition, which becomes the project's form and template_version.",
        security,
        params: deployParams,
        body: rollbackBody,
        response: { 200: deployReply, ...REFUSALS },
      },
    },
    async (request) => {
      const done = await rollbackProject(
        opts.deps(request),
        requireUser(request),
        request.params.id,
        request.body.version,
      );
      return { message: 'Success', id: done.projectId, meta: { deployment_id: done.deploymentId } };
    },
  );
}
