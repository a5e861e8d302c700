import type { FastifyInstance } from 'fastify';
import { publicTemplateRoutes } from './routes-public.js';
import { vendorTemplateRoutes } from './routes-vendor.js';

/** Marketplace templates: the public catalog and the vendors' routes (the admin review is in admin/). */
export async function templatesModule(app: FastifyInstance): Promise<void> {
  await app.register(publicTemplateRoutes);
  await app.register(vendorTemplateRoutes);
}

export { recordTemplateProductId } from './repository.js';
