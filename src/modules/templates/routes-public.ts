import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { item, itemEnvelope, list, listEnvelope } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import { CATALOG_CHANGED_CHANNEL, CatalogCache, catalogKey } from './catalog-cache.js';
import type { CatalogFilter } from './catalog-query.js';
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

  const cache = new CatalogCache();
  const unsubscribe = await app.listenHub.subscribe(CATALOG_CHANGED_CHANNEL, () => cache.clear());
  const offReconnect = app.listenHub.onReconnect(() => cache.clear());
  app.addHook('onClose', async () => {
    unsubscribe();
    offReconnect();
  });
  const catalogReply = listEnvelope(templateSchema);
  const catalogPage = async (
    request: FastifyRequest<{ Querystring: CatalogFilter }>,
    reply: FastifyReply,
  ) => {
    const json = await cache.get(catalogKey(request.query), async () => {
      const page = await listCatalog(app.db, request.query);
      // Encoded by the route's own schema, as the serializer would: a hit then skips both.
      return JSON.stringify(z.encode(catalogReply, list(page.items, { next_cursor: page.nextCursor })));
    });
    return reply.type('application/json; charset=utf-8').send(json);
  };

  app.get('/api/templates', listRoute('Search the catalog of listed templates'), catalogPage);

  // The CLI's path for the same list.
  app.get('/api/v1/marketplace/applications', listRoute('Search the catalog (the CLI path)'), catalogPage);

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
