import type { FastifyInstance } from 'fastify';
import { agentRoutes } from './routes.js';

/** The agents feature: registration, token rotation, app status. */
export async function agentsModule(app: FastifyInstance): Promise<void> {
  await app.register(agentRoutes);
}

export { AGENT_CHANGED_CHANNEL } from './channels.js';
export { agentCredentialStore } from './credentials.js';
export {
  type AccessMode,
  checkDeploymentAccess,
  type DeploymentRef,
  deploymentNotFound,
  mayAccessDeployment,
  requireDeploymentAccess,
  requireDeploymentAccessWithAgent,
} from './deployment-access.js';
