import type { FastifyInstance } from 'fastify';
import { createRedactor } from '../../infra/redaction/index.js';
import { createComposeAgentClient } from '../../integrations/compose-agent/index.js';
import { ChangeHub } from '../commands/index.js';
import type { StatusPanelContext } from './context.js';
import { capabilitiesRoutes } from './routes-capabilities.js';
import { composeRoutes } from './routes-compose.js';
import { containerRoutes } from './routes-containers.js';
import { snapshotRoutes } from './routes-snapshot.js';

/**
 * The Status Panel surface: capabilities, the synchronous health check, the legacy container routes,
 * the compose agent routes and registration (the compose agent offline gauge is the admin module's,
 * beside the agents list it counts). One compose agent client for the process, closed on shutdown.
 */
export async function statusPanelModule(app: FastifyInstance): Promise<void> {
  const changes = new ChangeHub();
  const compose = createComposeAgentClient({
    policy: app.config.compose,
    timeoutMs: app.config.compose.timeoutSecs * 1000,
    now: () => app.clock.now(),
  });
  const ctx: StatusPanelContext = {
    db: app.db,
    clock: app.clock,
    config: app.config,
    secretBox: app.secretBox,
    changes,
    compose,
    redactor: createRedactor(app.config.redaction),
  };
  await changes.start(app.listenHub);
  app.addHook('onClose', async () => {
    changes.stop();
    await compose.close();
  });

  await app.register(capabilitiesRoutes(ctx));
  await app.register(containerRoutes(ctx));
  await app.register(snapshotRoutes(ctx));
  await app.register(composeRoutes(ctx));
}

export { COMPOSE_AGENT_CAPABILITY } from './compose-state.js';
export { heartbeatIsFresh, isAgentOnline } from './liveness.js';
