import type { FastifyInstance, FastifyRequest } from 'fastify';
import { purgeExpiredIdempotencyKeys } from '../../infra/idempotency/idempotency.js';
import { agentLoginRoutes } from './agent-login.js';
import type { DeployDeps } from './deploy-service.js';
import { registerInstallSenders, startProgressConsumer } from './install-wiring.js';
import { lifecycleRoutes } from './lifecycle-routes.js';
import { createProductLookup } from './product-lookup.js';
import { deploymentRoutes } from './routes.js';

export { newDeploymentHash, recordDeployment, retireProjectDeployments } from './service.js';

/**
 * The deployments feature: the ownership gate, deployment records, and the Install Service over
 * RabbitMQ (install-wiring.ts): the outbox sender always (when a broker is configured), the progress
 * consumer with the background jobs (tests start it by hand).
 */
export async function deploymentsModule(app: FastifyInstance): Promise<void> {
  const findProduct = createProductLookup(app.userService, { now: () => app.clock.now().getTime() });
  const plans = app.config.plans;
  const deps = (request: FastifyRequest): DeployDeps => ({
    db: app.db,
    clock: app.clock,
    secretBox: app.secretBox,
    log: request.log,
    plans,
    findProduct,
    refetchUser: async (token) => {
      // Dropping the cached profile first also refreshes it for the caller's next requests.
      app.userAuth.forget(token);
      return app.userAuth.authenticate(token);
    },
    rateLimit: async () => {
      // The plan limiter is optional infrastructure: without it, deployments are not rate limited.
      if (app.hasDecorator('rateLimitCheck')) await app.rateLimitCheck(request, 'deploy');
    },
  });
  await app.register(deploymentRoutes, { deps });
  await app.register(agentLoginRoutes({ db: app.db, userService: app.userService }));
  await app.register(lifecycleRoutes, {
    deps: { db: app.db, clock: app.clock, offlineAfterSecs: app.config.agent.offlineAfterSecs },
  });

  registerInstallSenders(app);
  if (app.backgroundJobs) {
    let consumer: ReturnType<typeof startProgressConsumer>;
    let purgeTimer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      consumer = startProgressConsumer(app);
      purgeTimer = setInterval(() => {
        purgeExpiredIdempotencyKeys(app.db, app.clock.now()).catch((err: unknown) =>
          app.log.warn({ err }, 'expired idempotency keys could not be purged'),
        );
      }, IDEMPOTENCY_PURGE_INTERVAL_MS);
      purgeTimer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(purgeTimer);
      await consumer?.cancel();
    });
  }
}

// Keys live 24 h; an hourly purge keeps the table at about a day of keys.
const IDEMPOTENCY_PURGE_INTERVAL_MS = 60 * 60 * 1000;
