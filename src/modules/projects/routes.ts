import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../auth/principal.js';
import { item, itemEnvelope, list, listEnvelope, messageOnly } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import { getProjectCompose } from './compose-service.js';
import { projectForm } from './form.js';
import { projectExample, projectParams, projectSchema, sharedProjectSchema } from './schemas.js';
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  type ProjectDeps,
  updateProject,
} from './service.js';

export type ProjectDepsFactory = (request: FastifyRequest) => ProjectDeps;

/** Both prefixes serve the same routes: the CLI tries `/api/v1/project…` first, then `/project…`. */
export const PROJECT_PREFIXES = ['/project', '/api/v1/project'] as const;

/** The raw body as sent (kept in `request_json`, unknown members included). */
export function rawJson(request: FastifyRequest): unknown {
  if (request.rawBody === undefined) return request.body ?? {};
  try {
    return JSON.parse(request.rawBody.toString('utf8'));
  } catch {
    return request.body ?? {};
  }
}

const projectItem = itemEnvelope(projectSchema).meta({ examples: [{ message: 'Ok', item: projectExample }] });
const projectList = listEnvelope(projectSchema).meta({
  examples: [{ message: 'OK', list: [projectExample] }],
});
const composeReply = z.object({ message: z.string(), id: z.number().int(), item: z.string() }).meta({
  examples: [
    {
      message: 'Success',
      id: 7,
      item: 'version: "3.8"\nservices:\n  website:\n    image: nginx:1.27\n    restart: always\n',
    },
  ],
});
const FORM_NOTE =
  ' The body is validated whole before anything is written (a refusal names the field); members the ' +
  'form does not know are dropped from `metadata`.';

/** Projects CRUD (projects.md, "Projects"); ownership is checked by the service (404 for others). */
export async function projectRoutes(
  instance: FastifyInstance,
  opts: { deps: ProjectDepsFactory; base: string },
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  // Not `prefix`: Fastify would apply that option to every route itself.
  const base = opts.base;
  const security = [{ bearer: [] }];

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Your projects (the whole list, no pagination)',
        security,
        response: { 200: projectList },
      },
    },
    async (request) => list(await listProjects(opts.deps(request), requireUser(request)), undefined, 'OK'),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a project from a ProjectForm',
        description: `The name is \`custom.custom_stack_code\`; the project-level apps are synced from the form.${FORM_NOTE}`,
        security,
        body: projectForm,
        response: { 200: projectItem },
      },
    },
    async (request) =>
      item(
        await createProject(opts.deps(request), requireUser(request), request.body, rawJson(request)),
        'Ok',
      ),
  );

  app.get(
    `${base}/shared`,
    {
      schema: {
        tags,
        summary: 'Projects shared with you',
        description: 'Stacker has no project members yet: the list is empty.',
        security,
        response: { 200: listEnvelope(sharedProjectSchema) },
      },
    },
    async () => list([], undefined, 'OK'),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One project',
        description: "Someone else's project, or an id that is not an integer, is 404.",
        security,
        params: projectParams,
        response: { 200: projectItem, 404: problemSchema },
      },
    },
    async (request) =>
      item(await getProject(opts.deps(request), requireUser(request), request.params.id), 'OK'),
  );

  app.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Replace a project with a ProjectForm',
        description: `Replaces the name and metadata and re-syncs the project-level apps.${FORM_NOTE}`,
        security,
        params: projectParams,
        body: projectForm,
        response: { 200: projectItem, 404: problemSchema },
      },
    },
    async (request) =>
      item(
        await updateProject(
          opts.deps(request),
          requireUser(request),
          request.params.id,
          request.body,
          rawJson(request),
        ),
        'success',
      ),
  );

  app.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete a project',
        description:
          'Deletes the project with its deployments, servers, apps and secrets. Each live deployment is ' +
          'retired first: its agent is revoked, its queued commands cancelled and the Install Service told.',
        security,
        params: projectParams,
        response: {
          200: messageOnly.meta({ examples: [{ message: 'Deleted' }] }),
          404: problemSchema,
        },
      },
    },
    async (request) => {
      await deleteProject(opts.deps(request), requireUser(request), request.params.id);
      return { message: 'Deleted' };
    },
  );

  app.get(
    `${base}/:id/compose`,
    {
      schema: {
        tags,
        summary: "The project's docker-compose file",
        description:
          'Built from the stored form (never from app rows): long-form ports and volumes, the external ' +
          '`default_network`. 400 when the metadata is not a valid ProjectForm.',
        security,
        params: projectParams,
        response: { 200: composeReply, 404: problemSchema },
      },
    },
    async (request) => {
      const compose = await getProjectCompose(opts.deps(request), requireUser(request), request.params.id);
      return { message: 'Success', id: compose.id, item: compose.compose };
    },
  );
}
