import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { item, itemEnvelope, list, listEnvelope, paginationQuery } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import { templateDeps, vendorOf } from './caller.js';
import { listMine } from './catalog-service.js';
import {
  addVersionBody,
  createTemplateBody,
  submitBody,
  templateIdParams,
  updateTemplateBody,
} from './schemas.js';
import { addVersion, createTemplate, listOwnReviews, submitTemplate, updateTemplate } from './service.js';
import { reviewSchema, templateWithVersionSchema, versionSchema } from './views.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['marketplace: vendors'];
const security = [{ bearer: [] }];

/** Vendors: any signed-in user; a template is only ever visible and changeable by its creator. */
export async function vendorTemplateRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = templateDeps(app);
  const withVersion = itemEnvelope(templateWithVersionSchema);

  app.post(
    '/api/templates',
    {
      schema: {
        tags,
        security,
        summary: 'Create a draft (or update the caller’s own template with that slug)',
        body: createTemplateBody,
        response: { 200: withVersion, 201: withVersion, ...errors, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const { created, result } = await createTemplate(deps, vendorOf(request), request.body);
      reply.code(created ? 201 : 200);
      return item(result, created ? 'Template created' : 'Template updated');
    },
  );

  app.get(
    '/api/templates/mine',
    {
      schema: {
        tags,
        security,
        summary: 'The caller’s templates in every status, with their latest version',
        querystring: paginationQuery,
        response: { 200: listEnvelope(templateWithVersionSchema), 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const page = await listMine(app.db, vendorOf(request).id, request.query);
      return list(page.items, { next_cursor: page.nextCursor });
    },
  );

  app.put(
    '/api/templates/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit metadata and listing (live at once on an approved template)',
        params: templateIdParams,
        body: updateTemplateBody,
        response: { 200: withVersion, ...errors },
      },
    },
    async (request) =>
      item(
        await updateTemplate(deps, vendorOf(request), request.params.id, request.body),
        'Template updated',
      ),
  );

  app.post(
    '/api/templates/:id/versions',
    {
      schema: {
        tags,
        security,
        summary: 'Add a version (on an approved template it is reviewed on its own)',
        params: templateIdParams,
        body: addVersionBody,
        response: { 201: itemEnvelope(versionSchema), ...errors, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const version = await addVersion(deps, vendorOf(request), request.params.id, request.body);
      reply.code(201);
      return item(version, 'Version added');
    },
  );

  app.post(
    '/api/templates/:id/submit',
    {
      schema: {
        tags,
        security,
        summary: 'Submit for review',
        params: templateIdParams,
        body: submitBody,
        response: { 200: withVersion, ...errors, 422: problemSchema },
      },
    },
    async (request) =>
      item(await submitTemplate(deps, vendorOf(request), request.params.id), 'Template submitted for review'),
  );

  app.get(
    '/api/templates/:id/reviews',
    {
      schema: {
        tags,
        security,
        summary: 'The review history of the caller’s template',
        params: templateIdParams,
        response: { 200: listEnvelope(reviewSchema), 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => list(await listOwnReviews(deps, vendorOf(request), request.params.id)),
  );
}
