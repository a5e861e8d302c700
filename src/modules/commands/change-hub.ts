import type { ListenHub } from '../../infra/db/listen-hub.js';
import { COMMAND_CHANGED_CHANNEL } from './channels.js';

type Listener = () => void;

/**
 * In-process fan-out of command changes to the readers of one deployment (`wait_ms` lists, SSE
 * streams). One LISTEN for the process; after a hub reconnect every reader is poked to re-read, since
 * notifications sent meanwhile are lost.
 */
export class ChangeHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private unsubscribe: (() => void) | undefined;
  private offReconnect: (() => void) | undefined;
  private closing = false;

  /** True once shutdown began: readers stop waiting and answer with what they have. */
  get isClosing(): boolean {
    return this.closing;
  }

  async start(hub: ListenHub): Promise<void> {
    this.unsubscribe = await hub.subscribe(COMMAND_CHANGED_CHANNEL, (hash) => this.emit(hash));
    this.offReconnect = hub.onReconnect(() => {
      for (const hash of this.listeners.keys()) this.emit(hash);
    });
  }

  /** Shutdown: wakes every waiting reader; from now on `next` resolves at once. */
  shutdown(): void {
    this.closing = true;
    for (const hash of [...this.listeners.keys()]) this.emit(hash);
  }

  stop(): void {
    this.unsubscribe?.();
    this.offReconnect?.();
    this.listeners.clear();
  }

  /** Subscribe before reading, so a change committed between the read and the wait is not missed. */
  on(deploymentHash: string, listener: Listener): () => void {
    let set = this.listeners.get(deploymentHash);
    if (!set) {
      set = new Set();
      this.listeners.set(deploymentHash, set);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(deploymentHash);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(deploymentHash);
    };
  }

  /** Resolves on the next change of the deployment, or after `ms`, or when `signal` aborts. */
  next(deploymentHash: string, ms: number, signal?: AbortSignal): Promise<void> {
    if (this.closing) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        off();
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const off = this.on(deploymentHash, done);
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private emit(deploymentHash: string): void {
    const set = this.listeners.get(deploymentHash);
    if (!set) return;
    for (const listener of [...set]) listener();
  }
}
