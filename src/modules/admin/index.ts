/**
 * The admin surface, mounted as three plugins so each sits next to the feature it administers in the
 * registration order (and so in the OpenAPI document): the outbox, the template review queue, the agents.
 */
export { adminAgentRoutes as adminAgentsModule } from './routes-agents.js';
export { adminOutboxRoutes as adminOutboxModule } from './routes-outbox.js';
export { adminTemplateRoutes as adminTemplatesModule } from './routes-templates.js';
