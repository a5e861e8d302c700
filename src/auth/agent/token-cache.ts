import { LRUCache } from 'lru-cache';
import type { AgentCredentials } from './credential-store.js';

/*
 * Decrypted agent tokens, cached per instance so a poll costs no query and no decryption. A rotation,
 * a revocation or the first use of a new token is announced by NOTIFY and drops the entry everywhere;
 * after a LISTEN reconnect (notifications may have been lost) everything is dropped.
 *
 * A load that started before an invalidation must not store what it read: the generation counter
 * makes such a load return its value without caching it. lru-cache's own `fetch` shares loads too, but a
 * delete during a fetch either rejects the waiters or keeps the aborted result (decision 0014).
 */

const MISSING = Symbol('missing');
type Entry = AgentCredentials | typeof MISSING;

export interface TokenCacheOptions {
  max?: number;
  ttlMs?: number;
  /** Unknown agent ids are remembered briefly, so a flood of one bad id costs one query. */
  missingTtlMs?: number;
}

export class AgentTokenCache {
  private readonly cache: LRUCache<string, Entry>;
  private readonly inflight = new Map<string, Promise<AgentCredentials | undefined>>();
  private readonly missingTtlMs: number;
  private generation = 0;

  constructor(
    private readonly load: (agentId: string) => Promise<AgentCredentials | undefined>,
    options: TokenCacheOptions = {},
  ) {
    this.cache = new LRUCache<string, Entry>({ max: options.max ?? 50_000, ttl: options.ttlMs ?? 300_000 });
    this.missingTtlMs = options.missingTtlMs ?? 30_000;
  }

  async get(agentId: string): Promise<AgentCredentials | undefined> {
    const hit = this.cache.get(agentId);
    if (hit !== undefined) return hit === MISSING ? undefined : hit;
    const pending = this.inflight.get(agentId);
    if (pending) return pending;
    const generation = this.generation;
    const loading = this.load(agentId)
      .then((found) => {
        if (generation === this.generation) {
          if (found) this.cache.set(agentId, found);
          else this.cache.set(agentId, MISSING, { ttl: this.missingTtlMs });
        }
        return found;
      })
      .finally(() => {
        this.inflight.delete(agentId);
      });
    this.inflight.set(agentId, loading);
    return loading;
  }

  invalidate(agentId: string): void {
    this.generation += 1;
    this.cache.delete(agentId);
    this.inflight.delete(agentId);
  }

  clear(): void {
    this.generation += 1;
    this.cache.clear();
    this.inflight.clear();
  }

  get size(): number {
    return this.cache.size;
  }
}
