import type { FastifyPluginAsync } from 'fastify';
import { adminAgentsModule, adminOutboxModule, adminTemplatesModule } from './admin/index.js';
import { agentsModule } from './agents/index.js';
import { categoriesModule } from './categories/index.js';
import { cloudsModule } from './clouds/index.js';
import { commandsModule } from './commands/index.js';
import { deploymentsModule } from './deployments/index.js';
import { handoffModule } from './handoff/index.js';
import { meModule } from './me/index.js';
import { projectsModule } from './projects/index.js';
import { statusPanelModule } from './status-panel/index.js';
import { moveTemplatesToCategory, templatesModule } from './templates/index.js';

export interface FeatureModule {
  name: string;
  plugin: FastifyPluginAsync;
}

/** Every feature, in registration order. A feature is not done until it is listed here. */
export const featureModules: FeatureModule[] = [
  { name: 'me', plugin: meModule },
  { name: 'admin-outbox', plugin: adminOutboxModule },
  { name: 'agents', plugin: agentsModule },
  { name: 'commands', plugin: commandsModule },
  // Categories sit below templates; a merge re-files templates through the templates module.
  { name: 'categories', plugin: (app) => categoriesModule(app, { moveTemplates: moveTemplatesToCategory }) },
  { name: 'templates', plugin: templatesModule },
  { name: 'admin-templates', plugin: adminTemplatesModule },
  { name: 'deployments', plugin: deploymentsModule },
  { name: 'projects', plugin: projectsModule },
  { name: 'clouds', plugin: cloudsModule },
  { name: 'status-panel', plugin: statusPanelModule },
  { name: 'handoff', plugin: handoffModule },
  { name: 'admin-agents', plugin: adminAgentsModule },
];
