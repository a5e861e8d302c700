import type { FastifyInstance } from 'fastify';
import { cloudRoutes } from './routes.js';

/**
 * Saved clouds (provider credentials, sealed with the secret box). What other features may use:
 * deploy looks up the caller's cloud by id or name and saves inline credentials.
 */
export type { CloudCredentials, OpenedCloud, SaveCloud } from './service.js';
export { findUserCloud, findUserCloudByName, saveCloud } from './service.js';

/** `/cloud` CRUD (clouds-servers.md); the CLI calls it without the `/api/v1` prefix. */
export async function cloudsModule(app: FastifyInstance): Promise<void> {
  await app.register(cloudRoutes, {
    deps: () => ({ db: app.db, clock: app.clock, secretBox: app.secretBox }),
  });
}
