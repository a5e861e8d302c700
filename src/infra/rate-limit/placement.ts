import { RATE_LIMIT_BUCKETS, type RateLimitBucket } from '../../config.js';

/**
 * Where a route's limiter counts. `preHandler`: after authentication and validation, before the handler.
 * `service`: the route's service calls `app.rateLimitCheck` itself, after its ownership check, so a
 * deployment that is not the caller's is a 404 and never a 429 (`api.md`, "404 first").
 */
export type RateLimitPlacement = 'preHandler' | 'service';

export function isRateLimitBucket(value: unknown): value is RateLimitBucket {
  return typeof value === 'string' && (RATE_LIMIT_BUCKETS as readonly string[]).includes(value);
}

/**
 * Decides the placement when a route is registered. A route with a path parameter names a resource, and
 * a preHandler limiter would answer 429 before the service could answer 404; such a route must say which
 * placement it means, so nobody gets the wrong one by default.
 */
export function limiterPlacement(
  url: string,
  bucket: unknown,
  placement: RateLimitPlacement | undefined,
): RateLimitPlacement {
  if (!isRateLimitBucket(bucket)) {
    throw new Error(
      `Route ${url}: rateLimitBucket must be one of ${RATE_LIMIT_BUCKETS.join(', ')} (got ${String(bucket)}).`,
    );
  }
  if (placement !== undefined) {
    if (placement !== 'preHandler' && placement !== 'service') {
      throw new Error(`Route ${url}: rateLimitAt must be 'preHandler' or 'service'.`);
    }
    return placement;
  }
  if (/[:*]/.test(url)) {
    throw new Error(
      `Route ${url}: a route with path parameters must set rateLimitAt. Use 'service' and call ` +
        `app.rateLimitCheck(request, '${bucket}') after the ownership check (404 first), or 'preHandler' ` +
        'when the route checks ownership in an earlier preHandler or names no resource.',
    );
  }
  return 'preHandler';
}
