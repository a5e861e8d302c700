import type { RateLimitBucket } from '../../config.js';
import type { RateLimitPlacement } from '../rate-limit/placement.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `false`: the route resolves no caller identity (health, metrics, docs). Casbin still guards it,
     * as the anonymous subject.
     */
    authenticate?: boolean;
    /**
     * The plan rate-limit bucket of this route (`status-panel.md`, "Rate limits"). See
     * `src/infra/rate-limit/` and decision 0004 for where the count happens (`rateLimitAt`).
     */
    rateLimitBucket?: RateLimitBucket;
    /**
     * `preHandler`: counted before the handler. `service`: the service calls `app.rateLimitCheck` after
     * its ownership check (404 first). Required when the route has path parameters.
     */
    rateLimitAt?: RateLimitPlacement;
  }
}
