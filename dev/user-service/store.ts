import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EmulatorOwnedProduct, EmulatorProduct, EmulatorSeed, EmulatorUser } from './seed.js';

// Tokens are looked up by their SHA-256, so a lookup's timing says nothing about the token itself.
function tokenKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

export type PurchaseResult =
  | { ok: true; product: EmulatorOwnedProduct }
  | { ok: false; error: 'user_not_found' | 'product_not_found' };

/** The emulated service's data: users, tokens, categories and products. */
export interface StoreSnapshot {
  version: 1;
  products: EmulatorProduct[];
  /** Owned products per user id. */
  purchases: Record<string, EmulatorOwnedProduct[]>;
  syncReplies: [string, { status: number; body: Record<string, unknown> }][];
  syncSequences: [string, number][];
  nextProductId: number;
}

export class EmulatorStore {
  readonly users: EmulatorUser[];
  readonly categories: EmulatorSeed['categories'];
  readonly products: EmulatorProduct[];
  /** Replies already given per `event_id`, so a replayed webhook gets the same answer. */
  readonly syncReplies = new Map<string, { status: number; body: Record<string, unknown> }>();
  /** Highest `sequence` applied per product `external_id`. */
  readonly syncSequences = new Map<string, number>();
  readonly #userTokens = new Map<string, number>();
  /** email → {password, token} of the seeded users that can sign in with a password. */
  readonly #logins = new Map<string, { password: string; token: string }>();
  readonly #staticServiceTokens = new Set<string>();
  readonly #issuedTokens = new Map<string, number>();
  readonly #revoked = new Set<string>();
  readonly #clients: EmulatorSeed['clients'];
  #nextProductId: number;

  constructor(seed: EmulatorSeed) {
    const copy = structuredClone(seed);
    this.users = copy.users.map((entry) => entry.user);
    for (const entry of copy.users) {
      this.#userTokens.set(tokenKey(entry.token), entry.user._id);
      if (entry.password) {
        this.#logins.set(entry.user.email.toLowerCase(), { password: entry.password, token: entry.token });
      }
    }
    for (const token of copy.serviceTokens) this.#staticServiceTokens.add(tokenKey(token));
    this.categories = copy.categories;
    this.products = copy.products;
    this.#clients = copy.clients;
    this.#nextProductId = Math.max(1000, ...copy.products.map((p) => p._id)) + 1;
  }

  userForToken(token: string): EmulatorUser | undefined {
    const key = tokenKey(token);
    if (this.#revoked.has(key)) return undefined;
    const id = this.#userTokens.get(key);
    return id === undefined ? undefined : this.userById(id);
  }

  /** The user's bearer for a matching email and password (the seeded token), else undefined. */
  login(email: string, password: string): string | undefined {
    const entry = this.#logins.get(email.trim().toLowerCase());
    if (entry === undefined || !sameSecret(entry.password, password)) return undefined;
    return entry.token;
  }

  userById(id: number | string): EmulatorUser | undefined {
    return this.users.find((u) => String(u._id) === String(id));
  }

  isServiceToken(token: string, nowMs: number): boolean {
    const key = tokenKey(token);
    if (this.#revoked.has(key)) return false;
    if (this.#staticServiceTokens.has(key)) return true;
    const expiresAt = this.#issuedTokens.get(key);
    return expiresAt !== undefined && nowMs < expiresAt;
  }

  checkClient(clientId: string, clientSecret: string): boolean {
    // Every client is compared, so the reply time does not reveal which ids exist.
    let match = false;
    for (const client of this.#clients) {
      if (sameSecret(client.clientId, clientId) && sameSecret(client.clientSecret, clientSecret))
        match = true;
    }
    return match;
  }

  issueAccessToken(nowMs: number, expiresInSecs: number): string {
    const token = `dev-access-${randomBytes(18).toString('base64url')}`;
    this.#issuedTokens.set(tokenKey(token), nowMs + expiresInSecs * 1000);
    return token;
  }

  revoke(token: string): void {
    this.#revoked.add(tokenKey(token));
  }

  /** Products whose fields equal every `where` value (compared as strings, like query parameters). */
  findProducts(where: Record<string, unknown>): EmulatorProduct[] {
    const entries = Object.entries(where);
    return this.products.filter((product) =>
      entries.every(([key, value]) => {
        const field = (product as unknown as Record<string, unknown>)[key];
        return field !== undefined && field !== null && String(field) === String(value);
      }),
    );
  }

  productByExternalId(externalId: string): EmulatorProduct | undefined {
    return this.products.find((p) => p.external_id === externalId);
  }

  addProduct(fields: Omit<EmulatorProduct, '_id'>): EmulatorProduct {
    const product = { _id: this.#nextProductId++, ...fields };
    this.products.push(product);
    return product;
  }

  /** What a restart must not forget: products, purchases and the webhook bookkeeping. */
  snapshot(): StoreSnapshot {
    return {
      version: 1,
      products: this.products,
      purchases: Object.fromEntries(this.users.map((user) => [String(user._id), user.products])),
      syncReplies: [...this.syncReplies],
      syncSequences: [...this.syncSequences],
      nextProductId: this.#nextProductId,
    };
  }

  /** Puts a snapshot back over the seed (users and tokens stay the seed's). */
  restore(snapshot: StoreSnapshot): void {
    if (snapshot.version !== 1) return;
    this.products.splice(0, this.products.length, ...snapshot.products);
    for (const user of this.users) {
      const owned = snapshot.purchases[String(user._id)];
      if (owned) user.products.splice(0, user.products.length, ...owned);
    }
    this.syncReplies.clear();
    for (const [id, reply] of snapshot.syncReplies) this.syncReplies.set(id, reply);
    this.syncSequences.clear();
    for (const [id, sequence] of snapshot.syncSequences) this.syncSequences.set(id, sequence);
    this.#nextProductId = snapshot.nextProductId;
  }

  /** What the Payment Service would report after a successful payment. Buying twice keeps one entry. */
  purchase(userId: number | string, externalId: string, ownedSince: string): PurchaseResult {
    const user = this.userById(userId);
    if (user === undefined) return { ok: false, error: 'user_not_found' };
    const product = this.productByExternalId(externalId);
    if (product === undefined) return { ok: false, error: 'product_not_found' };
    const existing = user.products.find((p) => p.product_type === 'template' && p.external_id === externalId);
    if (existing !== undefined) return { ok: true, product: existing };
    const owned: EmulatorOwnedProduct = {
      product_id: product._id,
      product_type: 'template',
      code: product.code,
      external_id: product.external_id,
      name: product.name,
      price: product.price,
      owned_since: ownedSince,
    };
    user.products.push(owned);
    return { ok: true, product: owned };
  }
}
