import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { RateLimitBucket } from '../../config.js';
import { RATE_LIMIT_WINDOW_MS, type RateLimitSubject, rateLimitKey, subjectLimit } from './bucket-limits.js';
import { type CounterStore, MemoryCounterStore } from './counter-store.js';
import { FailoverCounterStore } from './failover-store.js';
import { sharedLibraryStore } from './library-store.js';
import { limiterPlacement } from './placement.js';
import { createRateLimitMetrics } from './rate-limit-metrics.js';
import { type RateLimitState, rateLimited, rateLimitHeaders } from './rate-limited-error.js';
import { createRateLimitRedis, RedisCounterStore } from './redis-counter-store.js';
import { closeRedis, firstConnection } from './redis-lifecycle.js';

/**
 * Counts one `bucket` hit for the caller (and `deploymentHash`, by default the route's
 * `:deployment_hash`) and throws 429 `rate_limited` when the plan's limit is spent. Call it after the
 * ownership check. Agents and service clients are exempt.
 */
export type RateLimitCheck = (
  request: FastifyRequest,
  bucket: RateLimitBucket,
  deploymentHash?: string,
) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    rateLimitCheck: RateLimitCheck;
  }
}

interface Target {
  bucket: RateLimitBucket;
  subject: RateLimitSubject | undefined;
  deploymentHash: string | undefined;
}

const EXEMPT_KEY = 'exempt';
const FIRST_CONNECTION_WAIT_MS = 2_000;

function paramHash(request: FastifyRequest): string | undefined {
  const params = request.params as Record<string, unknown> | undefined;
  const hash = params?.deployment_hash;
  return typeof hash === 'string' ? hash : undefined;
}

export interface RateLimitPluginOptions {
  /**
   * Whose counter a request spends, or `undefined` when no plan limit applies. Who is calling is auth's
   * knowledge, so app.ts hands it in; this plugin only counts.
   */
  subjectOf(request: FastifyRequest): RateLimitSubject | undefined;
}

/**
 * Plan rate limits (`status-panel.md`) on @fastify/rate-limit with `global: false`. Routes opt in with
 * `config: { rateLimitBucket, rateLimitAt }`; services call `app.rateLimitCheck`. Counters live in Redis
 * when `REDIS_URL` is set (shared by every instance), in memory otherwise. Decision 0004 explains the
 * placement (404 first) and the fail-open fallback.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance, options: RateLimitPluginOptions) => {
    const { subjectOf } = options;
    const { config } = app;
    const { exceeded, storeErrors, unchecked } = createRateLimitMetrics(app.metrics);

    const memory = new MemoryCounterStore(app.clock);
    let redis: Redis | undefined;
    let store: CounterStore = memory;
    if (config.redisUrl) {
      const client = createRateLimitRedis(config.redisUrl);
      redis = client;
      // ioredis reports every failed reconnect here; the failover store logs the transitions instead.
      client.on('error', () => {});
      store = new FailoverCounterStore(new RedisCounterStore(client, config.rateLimitKeyPrefix), memory, {
        onFailure(error, first) {
          storeErrors.inc();
          if (first) app.log.warn({ err: error }, 'rate limits: Redis unavailable, counting in this process');
        },
        onRecovery() {
          app.log.info('rate limits: Redis answers again, counters are shared again');
        },
      });
    }
    app.healthChecks.set('redis', () => {
      if (redis === undefined) return 'not_configured';
      return redis.status === 'ready' ? 'ok' : 'down';
    });

    const targets = new WeakMap<FastifyRequest, Target>();
    const targetOf = (request: FastifyRequest): Target => {
      let target = targets.get(request);
      if (target === undefined) {
        const bucket = request.routeOptions.config.rateLimitBucket;
        // Only routes with a bucket get the preHandler limiter (onRoute below).
        if (bucket === undefined) throw new Error('rate limiter ran on a route without rateLimitBucket');
        target = {
          bucket,
          subject: subjectOf(request),
          deploymentHash: paramHash(request),
        };
        targets.set(request, target);
      }
      return target;
    };

    // Must run before @fastify/rate-limit's own onRoute hook, which reads `config.rateLimit`.
    app.addHook('onRoute', (route) => {
      const routeConfig = route.config;
      if (routeConfig?.rateLimitBucket === undefined) {
        // A bare `config.rateLimit` would bypass the plan limits (and find no bucket to key on).
        if (routeConfig?.rateLimit) throw new Error(`Route ${route.url}: use config.rateLimitBucket`);
        return;
      }
      const placement = limiterPlacement(route.url, routeConfig.rateLimitBucket, routeConfig.rateLimitAt);
      if (placement === 'preHandler') routeConfig.rateLimit = {};
    });

    await app.register(rateLimit, {
      global: false,
      // After the identity hook (onRequest) and validation, so the principal and params are there.
      hook: 'preHandler',
      timeWindow: RATE_LIMIT_WINDOW_MS,
      enableDraftSpec: true,
      // The store never fails (it falls back to memory); this only guards against a bug there.
      skipOnError: true,
      store: sharedLibraryStore(store),
      keyGenerator: (request) => {
        const { bucket, subject, deploymentHash } = targetOf(request);
        return subject === undefined ? EXEMPT_KEY : rateLimitKey(bucket, subject, deploymentHash);
      },
      allowList: (request) => targetOf(request).subject === undefined,
      max: (request) => {
        const { bucket, subject } = targetOf(request);
        return subject === undefined ? 0 : subjectLimit(subject, bucket, config);
      },
      onExceeded: (request) => exceeded.inc({ bucket: targetOf(request).bucket }),
      errorResponseBuilder: (request, context) =>
        rateLimited(targetOf(request).bucket, context.max, context.ttl),
    });

    const limiter = app.createRateLimit();
    const states = new WeakMap<FastifyRequest, RateLimitState>();
    const checked = new WeakSet<FastifyRequest>();

    const rateLimitCheck: RateLimitCheck = async (request, bucket, deploymentHash = paramHash(request)) => {
      checked.add(request);
      targets.set(request, {
        bucket,
        subject: subjectOf(request),
        deploymentHash,
      });
      const result = await limiter(request);
      if (result.isAllowed) return;
      const resetSecs = Math.max(1, result.ttlInSeconds);
      if (result.isExceeded) {
        exceeded.inc({ bucket });
        throw rateLimited(bucket, result.max, result.ttl);
      }
      states.set(request, { limit: result.max, remaining: result.remaining, resetSecs });
    };
    app.decorate('rateLimitCheck', rateLimitCheck);

    app.addHook('onSend', async (request, reply, payload) => {
      const state = states.get(request);
      if (state !== undefined) {
        for (const [name, value] of Object.entries(rateLimitHeaders(state))) {
          if (!reply.hasHeader(name)) reply.header(name, value);
        }
      }
      const routeConfig = request.routeOptions.config;
      if (
        routeConfig.rateLimitAt === 'service' &&
        routeConfig.rateLimitBucket !== undefined &&
        reply.statusCode < 400 &&
        !checked.has(request)
      ) {
        const route = request.routeOptions.url ?? 'unmatched';
        unchecked.inc({ route });
        request.log.error(
          { route },
          "rate limits: a rateLimitAt: 'service' route never called rateLimitCheck",
        );
        // Outside production a forgotten check fails loudly, so the route's own tests catch it.
        if (!config.isProduction) throw new Error(`${route} never called app.rateLimitCheck`);
      }
      return payload;
    });

    app.addHook('onReady', async () => {
      if (redis === undefined) return;
      await firstConnection(redis, FIRST_CONNECTION_WAIT_MS);
      // The URL is not logged: it may hold a password.
      if (redis.status !== 'ready')
        app.log.warn('rate limits: Redis not reachable at start, counting in memory');
    });
    app.addHook('onClose', async () => {
      if (redis !== undefined) await closeRedis(redis);
    });
  },
  { name: 'rate-limit', dependencies: ['auth', 'metrics', 'health'] },
);
