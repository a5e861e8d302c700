import type { FastifyInstance } from 'fastify';
import { publicTemplateRoutes } from './routes-public.js';
import { vendorTemplateRoutes } from './routes-vendor.js';

/** Marketplace templates: the public catalog and the vendors' routes (the admin review is in admin/). */
export async function templatesModule(app: FastifyInstance): Promise<void> {
  await app.register(publicTemplateRoutes);
  await app.register(vendorTemplateRoutes);
}

export { templateDeps } from './caller.js';
export { moveTemplatesToCategory } from './category-links.js';
export {
  type DeployableTemplate,
  findDeployableTemplate,
  recordTemplateDeployed,
} from './deployable-service.js';
export type { AdminDecision } from './lifecycle.js';
export { recordTemplateProductId } from './repository.js';
export { decide, reviewDetail, reviewQueue } from './review-service.js';
export { optionalReasonBody, requiredReasonBody, reviewQueueQuery, templateIdParams } from './schemas.js';
export { findTemplateVersionDefinition } from './version-lookup.js';
export { reviewSchema, templateSchema, templateWithVersionSchema, versionSchema } from './views.js';
