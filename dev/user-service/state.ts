import { defaultSeed, type EmulatorSeed } from './seed.js';
import { EmulatorStore, type PurchaseResult } from './store.js';
import { createWebhookVerifier } from './webhook-verifier.js';

/** `wrapped`: `/me` → `{"user": {...}}`, lists → `{"_items": [...]}`; `bare`: the object or array alone. */
export type ReplyShape = 'wrapped' | 'bare';

export interface SyncEventRecord {
  eventId: string | null;
  action: string | null;
  sequence: number | null;
  externalId: string | null;
  /** applied, replayed (same event_id again), stale (older sequence), refused (auth, signature, body). */
  outcome: 'applied' | 'replayed' | 'stale' | 'refused';
  status: number;
  body: unknown;
  /** Request headers minus `authorization`. */
  headers: Record<string, string>;
}

export interface EmulatorStateOptions {
  /** Replaces parts of the default seed (users, categories, products, clients, service tokens). */
  seed?: Partial<EmulatorSeed>;
  /**
   * When set, `/marketplace/sync` requires a valid Standard Webhooks signature, checked with the official
   * `standardwebhooks` package: `whsec_<base64>`, or raw bytes with `webhookSecretFormat: 'raw'`.
   */
  webhookSecret?: string;
  webhookSecretFormat?: 'standard' | 'raw';
  replyShape?: ReplyShape;
}

interface Fault {
  remaining: number;
  status: number;
  path: string | undefined;
}

/** The emulator's data plus the knobs tests turn (faults, latency, counters, received webhooks). */
export class EmulatorState {
  store: EmulatorStore;
  readonly webhookSecret: string | undefined;
  /** The verifier of the configured secret (undefined: webhooks are not signed). */
  readonly verifyWebhook: ReturnType<typeof createWebhookVerifier> | undefined;
  replyShape: ReplyShape;
  readonly #seed: EmulatorSeed;
  readonly #initialShape: ReplyShape;
  #faults: Fault[] = [];
  #latencyMs = 0;
  #calls = new Map<string, number>();
  #syncEvents: SyncEventRecord[] = [];

  constructor(options: EmulatorStateOptions = {}) {
    this.#seed = { ...defaultSeed(), ...options.seed };
    this.store = new EmulatorStore(this.#seed);
    this.webhookSecret = options.webhookSecret;
    this.verifyWebhook =
      options.webhookSecret === undefined
        ? undefined
        : createWebhookVerifier(options.webhookSecret, options.webhookSecretFormat);
    this.#initialShape = options.replyShape ?? 'wrapped';
    this.replyShape = this.#initialShape;
  }

  /** The next `count` calls (to `path` only, when given) answer `status`. `/dev/*` routes never fail. */
  failNext(count: number, status: number, options: { path?: string } = {}): void {
    if (count > 0) this.#faults.push({ remaining: count, status, path: options.path });
  }

  /** Every non-`/dev` call waits this long before being handled. */
  setLatency(ms: number): void {
    this.#latencyMs = Math.max(0, ms);
  }

  get latencyMs(): number {
    return this.#latencyMs;
  }

  setReplyShape(shape: ReplyShape): void {
    this.replyShape = shape;
  }

  /** The token (user token or issued access token) stops working at once. */
  revokeToken(token: string): void {
    this.store.revoke(token);
  }

  /** Calls received on `path` (without query), failed ones included; all calls when omitted. */
  calls(path?: string): number {
    if (path !== undefined) return this.#calls.get(path) ?? 0;
    let total = 0;
    for (const count of this.#calls.values()) total += count;
    return total;
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries(this.#calls);
  }

  get syncEvents(): readonly SyncEventRecord[] {
    return this.#syncEvents;
  }

  purchase(userId: number | string, externalId: string): PurchaseResult {
    return this.store.purchase(userId, externalId, new Date().toISOString());
  }

  /** Back to the seed: data, issued and revoked tokens, faults, latency, counters and received events. */
  reset(): void {
    this.store = new EmulatorStore(this.#seed);
    this.#faults = [];
    this.#latencyMs = 0;
    this.#calls = new Map();
    this.#syncEvents = [];
    this.replyShape = this.#initialShape;
  }

  recordCall(path: string): void {
    this.#calls.set(path, (this.#calls.get(path) ?? 0) + 1);
  }

  /** The status to inject for this call, if a pending fault matches it. */
  takeFault(path: string): number | undefined {
    const fault = this.#faults.find((f) => f.path === undefined || f.path === path);
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return fault.status;
  }

  recordSyncEvent(record: SyncEventRecord): void {
    this.#syncEvents.push(record);
  }
}
