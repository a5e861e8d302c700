import type { FastifyInstance } from 'fastify';
import { agentRoutes } from './routes.js';
import { agentExtraRoutes } from './routes-extras.js';

/** The agents feature: registration, token rotation, app status. */
export async function agentsModule(app: FastifyInstance): Promise<void> {
  await app.register(agentRoutes);
  const deps = { db: app.db, secretBox: app.secretBox, clock: app.clock, config: app.config };
  await app.register(agentExtraRoutes(deps, (token) => app.userAuth.authenticate(token)));
}

export { AGENT_CHANGED_CHANNEL } from './channels.js';
export { agentCredentialStore, purgeExpiredRequestIds, revokeDeploymentAgent } from './credentials.js';
export {
  type AccessMode,
  checkDeploymentAccess,
  type DeploymentRef,
  deploymentNotFound,
  mayAccessDeployment,
  requireDeploymentAccess,
  requireDeploymentAccessWithAgent,
} from './deployment-access.js';
export { type DeploymentAgent, findDeploymentAgent } from './lookup.js';
export { deploymentHashSchema } from './schemas.js';
export type { RequestMeta } from './service.js';
