import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { type AppDeps, buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { Clock } from '../../src/infra/clock.js';
import { SecretBox } from '../../src/infra/crypto/secret-box.js';
import { ListenHub } from '../../src/infra/db/listen-hub.js';
import { testConfig } from './config.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  listenHub: ListenHub;
  config: Config;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string | undefined>;
  clock?: Clock;
  backgroundJobs?: boolean;
  /** Share a database between app instances (multi-instance tests). */
  database?: TestDatabase;
  secretBox?: SecretBox;
  deps?: Partial<AppDeps>;
  /** Extra routes registered before the app is ready (error-path tests). */
  routes?: (app: FastifyInstance) => void;
}

export const testSecretBox = () => new SecretBox(randomBytes(32));

/** Builds the real app on a fresh cloned database; `close()` releases everything it created. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig({ DATABASE_URL: database.url, ...options.env });
  const listenHub = new ListenHub({ connectionString: database.url, minBackoffMs: 20, maxBackoffMs: 200 });
  await listenHub.start();
  const app = await buildApp({
    config,
    db: database.db,
    listenHub,
    secretBox: options.secretBox ?? testSecretBox(),
    clock: options.clock,
    logger: pino({ level: 'silent' }),
    backgroundJobs: options.backgroundJobs ?? false,
    ...options.deps,
  });
  options.routes?.(app);
  await app.ready();
  return {
    app,
    database,
    listenHub,
    config,
    async close() {
      await app.close();
      await listenHub.close();
      if (ownsDatabase) await database.drop();
    },
  };
}
