import type { FastifyPluginAsync } from 'fastify';
import { adminAgentRoutes } from './admin/agents-routes.js';
import { adminOutboxRoutes } from './admin/outbox-routes.js';
import { adminTemplateRoutes } from './admin/templates-routes.js';
import { agentsModule } from './agents/index.js';
import { categoriesModule } from './categories/routes.js';
import { commandsModule } from './commands/index.js';
import { deploymentsModule } from './deployments/index.js';
import { meRoutes } from './me/routes.js';
import { projectsModule } from './projects/index.js';
import { statusPanelModule } from './status-panel/index.js';
import { templatesModule } from './templates/routes.js';

export interface FeatureModule {
  name: string;
  plugin: FastifyPluginAsync;
}

/** Every feature, in registration order. A feature is not done until it is listed here. */
export const featureModules: FeatureModule[] = [
  { name: 'me', plugin: meRoutes },
  { name: 'admin-outbox', plugin: adminOutboxRoutes },
  { name: 'agents', plugin: agentsModule },
  { name: 'commands', plugin: commandsModule },
  { name: 'categories', plugin: categoriesModule },
  { name: 'templates', plugin: templatesModule },
  { name: 'admin-templates', plugin: adminTemplateRoutes },
  { name: 'deployments', plugin: deploymentsModule },
  { name: 'projects', plugin: projectsModule },
  { name: 'status-panel', plugin: statusPanelModule },
  { name: 'admin-agents', plugin: adminAgentRoutes },
];
