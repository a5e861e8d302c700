import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { API_VERSION } from './api-version.js';
import { agentAuthPlugin } from './auth/agent/agent-auth-plugin.js';
import { authPlugin } from './auth/auth-plugin.js';
import { readPolicyFile } from './auth/casbin/policy-file.js';
import { routeAccessFromPolicy } from './auth/casbin/route-access.js';
import { rateLimitSubject } from './auth/rate-limit-subject.js';
import type { Config } from './config.js';
import { amqpPlugin } from './infra/amqp/amqp-plugin.js';
import { type Clock, systemClock } from './infra/clock.js';
import type { SecretBox } from './infra/crypto/secret-box.js';
import type { Database } from './infra/db/database.js';
import { dbPlugin } from './infra/db/db-plugin.js';
import type { ListenHub } from './infra/db/listen-hub.js';
import { healthPlugin } from './infra/health/health-plugin.js';
import { errorHandlerPlugin } from './infra/http/error-handler.js';
import { clientErrorHandler, frameworkErrorHandler } from './infra/http/framework-errors.js';
import { inputGuardPlugin } from './infra/http/input-guard.js';
import { loggerOptions } from './infra/http/logger.js';
import { openApiPlugin } from './infra/http/openapi.js';
import { rawBodyPlugin } from './infra/http/raw-body.js';
import { genRequestId } from './infra/http/request-id.js';
import './infra/http/route-config.js';
import { requestLogPlugin } from './infra/http/request-log.js';
import { metricsPlugin } from './infra/metrics/metrics-plugin.js';
import { outboxPlugin } from './infra/outbox/outbox-plugin.js';
import { rateLimitPlugin } from './infra/rate-limit/rate-limit-plugin.js';
import type { UserServiceClient } from './integrations/user-service/index.js';
import { marketplaceSyncPlugin } from './integrations/user-service/marketplace-sync-sender.js';
import { agentCredentialStore } from './modules/agents/index.js';
import { API_TAGS } from './modules/api-tags.js';
import { featureModules } from './modules/index.js';
import { recordTemplateProductId } from './modules/templates/index.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Everything the app needs from outside; tests inject their own (a cloned database, a loopback User Service). */
export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  listenHub: ListenHub;
  secretBox: SecretBox;
  /** The one User Service client of the process (tests point it at the emulator on loopback). */
  userService: UserServiceClient;
  clock?: Clock;
  /** A pino instance (tests pass a silent one) or nothing for the configured logger. */
  logger?: FastifyBaseLogger;
  /** Background loops (outbox relay, sweepers, syncs). Tests that drive them by hand turn them off. */
  backgroundJobs?: boolean;
  /** Internal intervals; tests shorten them so they never wait for a production-sized tick. */
  tuning?: AppTuning;
}

export interface AppTuning {
  /** How often the long-poll waiters check their deadlines and recheck the queue (default 500 ms). */
  waiterTickMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    clock: Clock;
    secretBox: SecretBox;
    backgroundJobs: boolean;
    tuning: AppTuning;
    /** Every registered route (method + pattern): the policy completeness test walks it. */
    routeList: { method: string; url: string }[];
  }
}

export type App = FastifyInstance;

/** Builds the app: infrastructure plugins first, then the feature modules. Listening is main.ts's job. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: loggerOptions(config.logLevel) }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    genReqId: genRequestId,
    requestIdHeader: false,
    // Long-polls hold requests for up to AGENT_POLL_MAX_SECS; the socket must outlive them.
    requestTimeout: (config.agent.pollMaxSecs + 30) * 1000,
    keepAliveTimeout: 72_000,
    return503OnClosing: true,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    // requestLogPlugin writes one line per request instead of Fastify's two.
    disableRequestLogging: true,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeList.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('clock', deps.clock ?? systemClock);
  app.decorate('secretBox', deps.secretBox);
  app.decorate('backgroundJobs', deps.backgroundJobs ?? true);
  app.decorate('tuning', deps.tuning ?? {});
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorHandlerPlugin);
  await app.register(requestLogPlugin);
  await app.register(rawBodyPlugin);
  await app.register(inputGuardPlugin);
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // Quality 4 keeps brotli cheap on a 2-core box while still beating gzip on JSON.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(dbPlugin, { db: deps.db, listenHub: deps.listenHub });
  // The document's security comes from the policy file Casbin enforces (the database copy is applied from it).
  await app.register(openApiPlugin, {
    version: API_VERSION,
    access: routeAccessFromPolicy(await readPolicyFile()),
    tags: API_TAGS,
  });
  await app.register(metricsPlugin, { token: config.metricsToken });
  await app.register(healthPlugin);
  await app.register(amqpPlugin);
  await app.register(outboxPlugin);
  await app.register(agentAuthPlugin, {
    store: agentCredentialStore(deps.db, deps.secretBox, { groupCommit: config.database.groupCommit }),
  });
  await app.register(authPlugin, { userService: deps.userService });
  // After identity: the limits are per user and plan.
  await app.register(rateLimitPlugin, {
    subjectOf: (request) => rateLimitSubject(request.principal, request.ip),
  });
  await app.register(marketplaceSyncPlugin, {
    recordProductId: (templateId, productId) => recordTemplateProductId(deps.db, templateId, productId),
  });

  for (const feature of featureModules) await app.register(feature.plugin);
  return app;
}
