import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { item, itemEnvelope, list, listEnvelope } from '../../infra/http/envelope.js';
import { serviceUnavailable } from '../../infra/http/errors.js';
import { UserServiceUnavailableError } from '../../integrations/user-service/index.js';
import { listPublicCategories } from './service.js';
import { periodicJob, syncCategoriesLogged } from './sync-job.js';
import { type CategorySyncDeps, syncCategories } from './sync-service.js';

const categorySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  title: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
});

const syncCountsSchema = z.object({
  received: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  merged: z.number().int(),
  skipped: z.number().int(),
});

/** Categories: the public list, the admin's "sync now", and the sync at start and on a timer. */
export async function categoriesModule(
  fastify: FastifyInstance,
  options: Pick<CategorySyncDeps, 'moveTemplates'>,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const syncDeps = () => ({
    db: app.db,
    clock: app.clock,
    userService: app.userService,
    log: app.log,
    moveTemplates: options.moveTemplates,
  });

  app.get(
    '/api/categories',
    {
      schema: {
        tags: ['marketplace'],
        summary: 'Template categories (synced from the User Service)',
        response: { 200: listEnvelope(categorySchema) },
      },
    },
    async () => list(await listPublicCategories(app.db)),
  );

  app.post(
    '/api/admin/categories/sync',
    {
      schema: {
        tags: ['admin'],
        summary: 'Sync the categories from the User Service now',
        response: { 200: itemEnvelope(syncCountsSchema) },
      },
    },
    async () => {
      try {
        return item(await syncCategories(syncDeps()), 'Categories synced');
      } catch (err) {
        if (err instanceof UserServiceUnavailableError) {
          throw serviceUnavailable(
            'user_service_unavailable',
            'The User Service is unavailable; the existing categories were kept. Retry shortly.',
            30,
          );
        }
        throw err;
      }
    },
  );

  if (app.backgroundJobs) {
    const job = periodicJob(app.config.categorySyncIntervalSecs, () => syncCategoriesLogged(syncDeps()));
    // Not awaited: a slow or absent User Service must not hold the server's start.
    app.addHook('onReady', async () => job.start());
    app.addHook('onClose', async () => job.stop());
  }
}
