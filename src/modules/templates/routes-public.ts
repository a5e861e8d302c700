import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { item, itemEnvelope, list, listEnvelope } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import { getListedTemplate, listCatalog } from './catalog-service.js';
import { catalogQuery, slugParams } from './schemas.js';
import { templateSchema, templateWithVersionSchema } from './views.js';

/** The public catalog: listed templates only, definitions redacted. */
export async function publicTemplateRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const listRoute = (summary: string) => ({
    schema: {
      tags: ['marketplace'],
      summary,
      querystring: catalogQuery,
      response: { 200: listEnvelope(templateSchema), 400: problemSchema },
    },
  });

  app.get('/api/templates', listRoute('Search the catalog of listed templates'), async (request) => {
    const page = await listCatalog(app.db, request.query);
    return list(page.items, { next_cursor: page.nextCursor });
  });

  // The CLI's path for the same list.
  app.get(
    '/api/v1/marketplace/applications',
    listRoute('Search the catalog (the CLI path)'),
    async (request) => {
      const page = await listCatalog(app.db, request.query);
      return list(page.items, { next_cursor: page.nextCursor });
    },
  );

  app.get(
    '/api/templates/:slug',
    {
      schema: {
        tags: ['marketplace'],
        summary: 'A listed template with its approved version (secrets redacted)',
        params: slugParams,
        response: { 200: itemEnvelope(templateWithVersionSchema), 404: problemSchema },
      },
    },
    async (request) => item(await getListedTemplate(app.db, request.params.slug)),
  );
}
