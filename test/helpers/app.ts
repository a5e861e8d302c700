import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { startUserServiceEmulator, type UserServiceEmulator } from '../../dev/user-service/index.js';
import { type AppDeps, buildApp } from '../../src/app.js';
import { parsePolicyText } from '../../src/auth/casbin/policy-file.js';
import { applyPolicyRules } from '../../src/auth/casbin/policy-repository.js';
import type { Config } from '../../src/config.js';
import type { Clock } from '../../src/infra/clock.js';
import { SecretBox } from '../../src/infra/crypto/secret-box.js';
import { ListenHub } from '../../src/infra/db/listen-hub.js';
import {
  createUserServiceClient,
  type UserServiceClient,
  type UserServiceClientOptions,
} from '../../src/integrations/user-service/index.js';
import { testConfig } from './config.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  listenHub: ListenHub;
  config: Config;
  /** The User Service emulator this app talks to (real HTTP on loopback). */
  userService: UserServiceEmulator;
  userServiceClient: UserServiceClient;
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
  /** Share an emulator between apps; by default each app gets its own. */
  userService?: UserServiceEmulator;
  /** Client options (timeouts, breaker) for fault tests. */
  userServiceClient?: Partial<UserServiceClientOptions>;
  /** Extra policy lines (`p, subject, route, METHOD`) for the extra routes, written to this test's database. */
  policy?: string[];
  /** Extra routes registered before the app is ready (error-path tests). */
  routes?: (app: FastifyInstance) => void;
}

/** A 20 ms waiter tick: long-poll tests move the clock and wait three ticks, not a production second. */
export const WAITER_TUNING = { waiterTickMs: 20 } as const;
export const WAITER_TICK_MS = WAITER_TUNING.waiterTickMs;

export const testSecretBox = () => new SecretBox(randomBytes(32));

/** Builds the real app on a fresh cloned database; `close()` releases everything it created. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig({ DATABASE_URL: database.url, ...options.env });
  if (options.policy?.length) await applyPolicyRules(database.db, parsePolicyText(options.policy.join('\n')));
  const ownsEmulator = options.userService === undefined;
  const emulator = options.userService ?? (await startUserServiceEmulator({ port: 0 }));
  const userServiceClient = createUserServiceClient({
    baseUrl: emulator.url,
    serviceToken: 'stacker-dev-service-token',
    ...options.userServiceClient,
  });
  const listenHub = new ListenHub({ connectionString: database.url, minBackoffMs: 20, maxBackoffMs: 200 });
  await listenHub.start();
  const app = await buildApp({
    config,
    db: database.db,
    listenHub,
    secretBox: options.secretBox ?? testSecretBox(),
    userService: userServiceClient,
    clock: options.clock,
    logger: pino({ level: 'silent' }),
    backgroundJobs: options.backgroundJobs ?? false,
    tuning: WAITER_TUNING,
    ...options.deps,
  });
  options.routes?.(app);
  await app.ready();
  return {
    app,
    database,
    listenHub,
    config,
    userService: emulator,
    userServiceClient,
    async close() {
      await app.close();
      await listenHub.close();
      await userServiceClient.close();
      if (ownsEmulator) await emulator.close();
      if (ownsDatabase) await database.drop();
    },
  };
}
