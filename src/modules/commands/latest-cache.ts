import { LRUCache } from 'lru-cache';
import type { ListenHub } from '../../infra/db/listen-hub.js';
import type { DeploymentRef } from '../agents/index.js';
import { COMMAND_CHANGED_CHANNEL } from './channels.js';

export interface LatestView {
  owner: DeploymentRef;
  /** The reply body, serialized once by the route's own serializer. */
  body: string;
}

/*
 * The `latest` reply of each deployment, serialized, per instance: a read that hits costs no query.
 * Exact, read-your-writes included, on any instance:
 * - every change to a deployment's commands, its owner or its status NOTIFYs `stacker_command_changed`
 *   at commit (the queue's statements, and migration 0014's triggers for the purge and the
 *   deployment row), and the entry goes;
 * - a read first waits for a LISTEN-connection round trip that began after it arrived
 *   (ListenHub.barrier): a change committed before the read is then already dispatched, even one
 *   made on another instance a moment ago;
 * - a fill whose deployment changed while it read (its epoch moved) is not kept;
 * - while the hub is disconnected nothing is cached or served from the cache, and a reconnect drops
 *   everything (notifications sent meanwhile are lost).
 * What it gives up: memory (one serialized reply per deployment read, at most MAX_ENTRIES), and one
 * shared `SELECT 1` on the LISTEN connection per group of concurrent reads.
 */
const MAX_ENTRIES = 10_000;
const MAX_EPOCHS = 100_000;

export class LatestCache {
  private readonly entries = new LRUCache<string, LatestView>({ max: MAX_ENTRIES });
  // The epoch of a deployment moves with each of its changes; a forgotten epoch moves `forgotten`.
  private readonly epochs = new LRUCache<string, number>({
    max: MAX_EPOCHS,
    noDisposeOnSet: true,
    dispose: () => {
      this.forgotten += 1;
    },
  });
  private forgotten = 0;
  private unsubscribe: (() => void) | undefined;
  private offReconnect: (() => void) | undefined;

  constructor(private readonly hub: ListenHub) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.hub.subscribe(COMMAND_CHANGED_CHANNEL, (hash) => this.changed(hash));
    this.offReconnect = this.hub.onReconnect(() => this.clear());
  }

  stop(): void {
    this.unsubscribe?.();
    this.offReconnect?.();
    this.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The view of `hash`: cached, or `load`ed (and kept unless it changed meanwhile). undefined: not kept. */
  async read(hash: string, load: () => Promise<LatestView | undefined>): Promise<LatestView | undefined> {
    try {
      await this.hub.barrier();
    } catch {
      return load();
    }
    const hit = this.entries.get(hash);
    if (hit) return hit;
    const epoch = this.epochs.get(hash);
    const forgotten = this.forgotten;
    const view = await load();
    if (view && this.hub.connected && this.epochs.get(hash) === epoch && this.forgotten === forgotten) {
      this.entries.set(hash, view);
    }
    return view;
  }

  private changed(hash: string): void {
    this.entries.delete(hash);
    this.epochs.set(hash, (this.epochs.get(hash) ?? 0) + 1);
  }

  private clear(): void {
    this.entries.clear();
    this.epochs.clear();
    this.forgotten += 1;
  }
}
