import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import { UserServiceRejectedError, UserServiceUnavailableError } from './errors.js';
import { HttpPool, type HttpReply } from './http-pool.js';
import { parseReply } from './json-reply.js';
import { DEFAULT_RETRY_DELAYS_MS } from './retry-policy.js';
import {
  type Category,
  categoriesReplySchema,
  loginReplySchema,
  meReplySchema,
  productsReplySchema,
  type TemplateProduct,
  type UserProfile,
} from './schemas.js';
import {
  ClientCredentials,
  missingCredentials,
  type ServiceCredentials,
  staticCredentials,
} from './service-auth.js';

export interface UserServiceClientOptions {
  /** e.g. `http://user:4100`, without a trailing prefix. */
  baseUrl: string;
  serviceToken?: string;
  clientId?: string;
  clientSecret?: string;
  /** Defaults to `${baseUrl}/oauth_server/token`. */
  tokenUrl?: string;
  breaker?: { failureThreshold?: number; cooldownMs?: number };
  timeouts?: { connectMs?: number; requestMs?: number; webhookMs?: number };
  /** Pauses before each retry of an idempotent GET; `[]` disables retries. */
  retryDelaysMs?: readonly number[];
  /** Clock for the breaker and the token cache (tests move it by hand). */
  now?: () => number;
}

/** The raw reply of the marketplace webhook: the outbox relay classifies it itself. */
export type SyncReply = HttpReply;

export interface UserServiceClient {
  /** 401/403 → `UserServiceRejectedError`; no usable answer → `UserServiceUnavailableError`. */
  getMe(userToken: string): Promise<UserProfile>;
  /** Password sign-in (`/auth/login`): the user's bearer. Refused (4xx) → `UserServiceRejectedError`. */
  login(email: string, password: string): Promise<string>;
  listCategories(): Promise<Category[]>;
  /** The template's product, or `undefined` when the service has none. */
  findTemplateProduct(templateId: string): Promise<TemplateProduct | undefined>;
  /** Never throws on an HTTP status; throws `UserServiceUnavailableError` when there is no reply. */
  postMarketplaceSync(body: string, headers?: Record<string, string>): Promise<SyncReply>;
  circuitState(): CircuitState;
  close(): Promise<void>;
}

// Headers the client owns: a caller must not be able to replace the service credential or the framing.
const RESERVED_HEADERS = new Set(['authorization', 'content-type', 'content-length', 'host', 'connection']);
// A token undici would refuse to put in a header would otherwise surface as a network failure and count
// against the breaker; anything outside visible ASCII cannot be a valid bearer token anyway.
const SENDABLE_TOKEN = /^[\x21-\x7e]+$/;

export function createUserServiceClient(options: UserServiceClientOptions): UserServiceClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const breaker = new CircuitBreaker({ ...options.breaker, now });
  const pool = new HttpPool({
    connectTimeoutMs: options.timeouts?.connectMs ?? 2_000,
    requestTimeoutMs: options.timeouts?.requestMs ?? 5_000,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    breaker,
  });
  const webhookTimeoutMs = options.timeouts?.webhookMs ?? 10_000;
  const credentials = chooseCredentials(options, baseUrl, pool, now);

  /** Sends with the service credential; on a 401, refreshes it once and tries again. */
  async function withServiceAuth(send: (authorization: string) => Promise<HttpReply>): Promise<HttpReply> {
    const authorization = await credentials.authorization();
    const reply = await send(authorization);
    if (reply.status !== 401 || !credentials.refreshable) return reply;
    credentials.invalidate(authorization);
    return send(await credentials.authorization());
  }

  async function serviceGet(path: string, what: string): Promise<string> {
    const reply = await withServiceAuth((authorization) =>
      pool.sendIdempotent({
        method: 'GET',
        url: baseUrl + path,
        headers: { authorization, accept: 'application/json' },
      }),
    );
    // Any refusal of a service call is Stacker's configuration problem, so it reads as "unavailable".
    if (!isSuccess(reply.status)) throw statusError(reply.status, what);
    return reply.bodyText;
  }

  return {
    async getMe(userToken) {
      if (!SENDABLE_TOKEN.test(userToken)) throw new UserServiceRejectedError(401, 'malformed user token');
      const reply = await pool.sendIdempotent({
        method: 'GET',
        url: `${baseUrl}/oauth_server/api/me`,
        headers: { authorization: `Bearer ${userToken}`, accept: 'application/json' },
      });
      if (reply.status === 401 || reply.status === 403) throw new UserServiceRejectedError(reply.status);
      if (!isSuccess(reply.status)) throw statusError(reply.status, '/me');
      return parseReply(meReplySchema, reply.bodyText, '/me');
    },

    async login(email, password) {
      const reply = await pool.send({
        method: 'POST',
        url: `${baseUrl}/auth/login`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ email, password }).toString(),
      });
      if (reply.status >= 400 && reply.status < 500) throw new UserServiceRejectedError(reply.status);
      if (!isSuccess(reply.status)) throw statusError(reply.status, '/auth/login');
      return parseReply(loginReplySchema, reply.bodyText, '/auth/login').access_token;
    },

    async listCategories() {
      return parseReply(
        categoriesReplySchema,
        await serviceGet('/api/1.0/category', 'categories'),
        'categories',
      );
    },

    async findTemplateProduct(templateId) {
      const where = JSON.stringify({ external_id: templateId, product_type: 'template' });
      const path = `/api/1.0/products?where=${encodeURIComponent(where)}`;
      const products = parseReply(productsReplySchema, await serviceGet(path, 'products'), 'products');
      // Filtered again here: a service that ignored `where` must not hand back another product's price.
      return products.find(
        (p) => p.externalId === templateId && (p.productType === null || p.productType === 'template'),
      );
    },

    async postMarketplaceSync(body, headers = {}) {
      const extra = Object.fromEntries(
        Object.entries(headers)
          .map(([name, value]) => [name.toLowerCase(), value] as const)
          .filter(([name]) => !RESERVED_HEADERS.has(name)),
      );
      return withServiceAuth((authorization) =>
        pool.send({
          method: 'POST',
          url: `${baseUrl}/marketplace/sync`,
          headers: { ...extra, authorization, 'content-type': 'application/json' },
          body,
          timeoutMs: webhookTimeoutMs,
        }),
      );
    },

    circuitState: () => breaker.state,
    close: () => pool.close(),
  };
}

function chooseCredentials(
  options: UserServiceClientOptions,
  baseUrl: string,
  pool: HttpPool,
  now: () => number,
): ServiceCredentials {
  // Client credentials win: they expire and rotate, a static token does neither.
  if (options.clientId && options.clientSecret) {
    return new ClientCredentials({
      tokenUrl: options.tokenUrl ?? `${baseUrl}/oauth_server/token`,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      pool,
      now,
    });
  }
  if (options.serviceToken) return staticCredentials(options.serviceToken);
  return missingCredentials;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function statusError(status: number, what: string): UserServiceUnavailableError {
  const reason = status === 401 || status === 403 ? 'credentials' : 'status';
  return new UserServiceUnavailableError(reason, `User Service answered HTTP ${status} for ${what}`, {
    status,
  });
}
