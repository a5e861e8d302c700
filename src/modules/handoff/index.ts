import type { FastifyInstance } from 'fastify';
import { purgeHandoffs } from './repository.js';
import { handoffRoutes } from './routes.js';

/** Dashboard → CLI handoff (deployment-lifecycle.md): tokens in Postgres, so any instance resolves them. */
export async function handoffModule(app: FastifyInstance): Promise<void> {
  const deps = { db: app.db, clock: app.clock, secretBox: app.secretBox };
  await app.register(handoffRoutes, { deps, publicUrl: app.config.publicUrl });
  if (app.backgroundJobs) {
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        purgeHandoffs(app.db, app.clock.now()).catch((err: unknown) =>
          app.log.warn({ err }, 'expired handoff tokens could not be purged'),
        );
      }, PURGE_INTERVAL_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  }
}

// Tokens live 2 h; an hourly purge keeps the table at a few hours of tokens.
const PURGE_INTERVAL_MS = 60 * 60 * 1000;
