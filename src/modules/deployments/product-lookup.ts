import { LRUCache } from 'lru-cache';
import type { TemplateProduct, UserServiceClient } from '../../integrations/user-service/index.js';

/** The template's User Service product, or `undefined` when it has none. Throws when the service cannot say. */
export type ProductLookup = (templateId: string) => Promise<TemplateProduct | undefined>;

export interface ProductLookupOptions {
  ttlMs?: number;
  max?: number;
  /** The cache's time source in ms (the app clock); entries age against it. */
  now?: () => number;
}

// lru-cache cannot hold `undefined`, and "no product" must be cached like a product is.
type Entry = { product: TemplateProduct | undefined };

/**
 * Product lookups cached for 60 s (user-service.md, gate step 3): a burst of deployments of one template
 * costs one call. Concurrent misses share one call; failures are never cached, so an outage ends as soon
 * as the service answers again. A price change reaches the gate within the TTL.
 */
export function createProductLookup(
  client: Pick<UserServiceClient, 'findTemplateProduct'>,
  options: ProductLookupOptions = {},
): ProductLookup {
  const cache = new LRUCache<string, Entry>({
    max: options.max ?? 10_000,
    ttl: options.ttlMs ?? 60_000,
    allowStale: false,
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    fetchMethod: async (templateId) => ({ product: await client.findTemplateProduct(templateId) }),
  });
  return async (templateId) => {
    const entry = await cache.fetch(templateId);
    return entry?.product;
  };
}
