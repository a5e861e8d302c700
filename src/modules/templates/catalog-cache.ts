import { LRUCache } from 'lru-cache';
import type { CatalogFilter } from './catalog-query.js';

/** Sent by the triggers of migration 0008 on every write to what a catalog page shows. */
export const CATALOG_CHANGED_CHANNEL = 'stacker_catalog_changed';

/*
 * The public catalog's pages, kept serialized: the catalog is the same for everyone and read far more
 * often than it changes, so a hit costs no query, no row parsing and no schema encoding. Each instance
 * keeps its own; on every NOTIFY of the channel (and after a LISTEN reconnect, when some may have been
 * lost) it drops them all. Concurrent misses of one page share one load, and a load that was running
 * when an invalidation arrived is answered but not kept (it may have read the old rows). The TTL only
 * refreshes the view counts, which change on every view and notify nobody.
 */
export class CatalogCache {
  private readonly pages: LRUCache<string, string>;
  private readonly inflight = new Map<string, Promise<string>>();
  private generation = 0;

  constructor(options: { maxBytes?: number; ttlMs?: number } = {}) {
    this.pages = new LRUCache<string, string>({
      maxSize: options.maxBytes ?? 16 * 1024 * 1024,
      sizeCalculation: (page) => Math.max(1, page.length),
      ttl: options.ttlMs ?? 10_000,
    });
  }

  get(key: string, load: () => Promise<string>): Promise<string> {
    const hit = this.pages.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const loading = load()
      .then((page) => {
        if (generation === this.generation) this.pages.set(key, page);
        return page;
      })
      .finally(() => {
        if (this.inflight.get(key) === loading) this.inflight.delete(key);
      });
    this.inflight.set(key, loading);
    return loading;
  }

  clear(): void {
    this.generation += 1;
    this.pages.clear();
    this.inflight.clear();
  }

  get size(): number {
    return this.pages.size;
  }
}

/** One key per distinct page: both catalog routes serve the same pages. */
export function catalogKey(filter: CatalogFilter): string {
  return JSON.stringify([
    filter.q ?? '',
    filter.category ?? '',
    filter.tag ?? '',
    filter.sort,
    filter.limit,
    filter.cursor ?? '',
  ]);
}
