import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { CounterStore } from './counter-store.js';

/**
 * Hands our store to @fastify/rate-limit. It builds its store with `new` and asks for a `child()` per
 * route; here every child is the same instance, so all routes share one keyspace (the key already names
 * the bucket, see counter-store.ts). A constructor returning an object yields that object.
 */
export function sharedLibraryStore(store: CounterStore): FastifyRateLimitStoreCtor {
  const instance: FastifyRateLimitStore = {
    incr(key, callback, timeWindow) {
      store.incr(key, timeWindow).then(
        (hit) => callback(null, { current: hit.current, ttl: hit.ttlMs }),
        (error: Error) => callback(error),
      );
    },
    child: () => instance,
  };
  return function SharedStore() {
    return instance;
  } as unknown as FastifyRateLimitStoreCtor;
}
