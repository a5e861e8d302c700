import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import { afterMigrate } from './cli/after-migrate.js';
import { setupUserService } from './cli/user-service-setup.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { loadSecretBox } from './infra/crypto/load-secret-box.js';
import { createDatabase } from './infra/db/connection.js';
import { ListenHub } from './infra/db/listen-hub.js';
import { migrateToLatest } from './infra/db/migrator.js';
import { pooledStatementTimeout, sessionUrl } from './infra/db/pooler.js';
import { resolveDatabase } from './infra/db/resolve-database.js';
import { createLogger } from './infra/http/logger.js';

/** Reads config, opens the database (embedded or external), builds the app, listens, closes gracefully. */
async function main(): Promise<void> {
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = await createLogger(config);
  if (!config.isProduction)
    log.warn('development mode: embedded defaults are allowed (NODE_ENV=production refuses them)');

  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse())
      await fn().catch((err) => log.error({ err }, 'shutdown step failed'));
  };

  try {
    const database = await resolveDatabase(config, log);
    if (database.embedded) cleanups.push(() => database.embedded!.stop());
    const handle = createDatabase({
      url: database.url,
      poolMax: config.database.poolMax,
      statementTimeoutMs: config.database.statementTimeoutMs,
      preparedStatements: config.database.preparedStatements,
      pooler: config.database.pooler,
    });
    cleanups.push(() => handle.close());
    if (config.database.pooler === 'transaction' && (await pooledStatementTimeout(handle.db)) === '0') {
      log.warn(
        'DATABASE_POOLER=transaction and the pooled sessions have no statement_timeout: set it on the role (docs/ops/pgbouncer.md)',
      );
    }
    if (config.database.migrateOnStart) await migrateOnStart(config, database.url, log);
    // Behind a transaction pooler the LISTEN session must be a direct one (DATABASE_LISTEN_URL).
    const listenHub = new ListenHub({
      connectionString: sessionUrl(config.database, database.url, 'listen'),
      log,
    });
    await listenHub.start();
    cleanups.push(() => listenHub.close());
    const secretBox = await loadSecretBox(config);
    // The development banner is for a human at a terminal: plain lines, not JSON.
    const userService = await setupUserService(config, { warn: (line) => process.stderr.write(`${line}\n`) });
    cleanups.push(() => userService.close());
    if (userService.emulator) {
      log.warn(
        `try: curl -H "Authorization: Bearer dev-vendor-token" http://${config.host}:${config.port}/api/v1/me`,
      );
    }

    const app = await buildApp({
      config,
      db: handle.db,
      listenHub,
      secretBox,
      userService: userService.client,
      logger: log,
    });
    cleanups.push(() => app.close());

    closeWithGrace({ delay: config.shutdownGraceMs, logger: log }, async ({ signal, err }) => {
      if (err) log.error({ err }, 'shutting down after an error');
      else log.info({ signal }, 'shutting down: finishing in-flight requests');
      await cleanup();
    });

    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    log.error({ err: error }, 'startup failed');
    await cleanup();
    process.exit(1);
  }
}

/** Migrations hold a session (Kysely's migration lock): behind a pooler they run on the direct URL. */
async function migrateOnStart(config: Config, url: string, log: Logger): Promise<void> {
  const direct = createDatabase({
    url: sessionUrl(config.database, url, 'migrate'),
    poolMax: 2,
    statementTimeoutMs: config.database.statementTimeoutMs,
    preparedStatements: false,
  });
  try {
    const applied = await migrateToLatest(direct.db);
    log.info({ applied }, applied.length ? 'migrations applied' : 'database schema is up to date');
    await afterMigrate(direct.db, (line) => log.info(line));
  } finally {
    await direct.close();
  }
}

await main();
