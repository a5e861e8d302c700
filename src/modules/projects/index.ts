import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appRoutes } from './apps-routes.js';
import { deployRoutes } from './deploy-routes.js';
import { PROJECT_PREFIXES, projectRoutes } from './routes.js';
import { secretRoutes } from './secrets-routes.js';
import type { ProjectDeps } from './service.js';

/**
 * Projects: the Stack Builder's and the CLI's stacks (projects.md), served identically under `/project`
 * and `/api/v1/project`.
 */
export async function projectsModule(app: FastifyInstance): Promise<void> {
  const deps = (request: FastifyRequest): ProjectDeps => ({
    db: app.db,
    clock: app.clock,
    secretBox: app.secretBox,
    log: request.log,
  });
  for (const base of PROJECT_PREFIXES) {
    await app.register(projectRoutes, { deps, base });
    await app.register(appRoutes, { deps, base });
    await app.register(secretRoutes, { deps, base });
    await app.register(deployRoutes, { deps, base });
  }
}
