import { UserServiceUnavailableError } from './errors.js';
import type { HttpPool } from './http-pool.js';
import { parseReply } from './json-reply.js';
import { tokenReplySchema } from './schemas.js';

/** Supplies the `Authorization` value for calls Stacker makes on its own behalf. */
export interface ServiceCredentials {
  /** Whether a 401 is worth one retry with a fresh credential. */
  readonly refreshable: boolean;
  authorization(): Promise<string>;
  /** Forgets `authorization` if it is still the cached one (after the service refused it). */
  invalidate(authorization: string): void;
}

export function staticCredentials(token: string): ServiceCredentials {
  const authorization = `Bearer ${token}`;
  return { refreshable: false, authorization: async () => authorization, invalidate: () => {} };
}

/** Used when neither a static token nor client credentials are configured: service calls fail clearly. */
export const missingCredentials: ServiceCredentials = {
  refreshable: false,
  authorization: async () => {
    throw new UserServiceUnavailableError('credentials', 'no User Service credential is configured');
  },
  invalidate: () => {},
};

export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  pool: HttpPool;
  now: () => number;
}

// Refreshing a minute early keeps a token from expiring between the check and its use.
const EARLY_REFRESH_SECS = 60;
// The grant's reply may omit expires_in (RFC 6749 only recommends it): assume a short life.
const DEFAULT_EXPIRES_IN_SECS = 300;

/** OAuth2 client-credentials grant, cached, with concurrent refreshes sharing one token call. */
export class ClientCredentials implements ServiceCredentials {
  readonly refreshable = true;
  readonly #options: ClientCredentialsOptions;
  #cached: { authorization: string; refreshAt: number } | undefined;
  #pending: Promise<string> | undefined;

  constructor(options: ClientCredentialsOptions) {
    this.#options = options;
  }

  async authorization(): Promise<string> {
    const cached = this.#cached;
    if (cached !== undefined && this.#options.now() < cached.refreshAt) return cached.authorization;
    this.#pending ??= this.#fetchToken().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  invalidate(authorization: string): void {
    if (this.#cached?.authorization === authorization) this.#cached = undefined;
  }

  async #fetchToken(): Promise<string> {
    const { tokenUrl, clientId, clientSecret, pool, now } = this.#options;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }).toString();
    const reply = await pool.send({
      method: 'POST',
      url: tokenUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    });
    if (reply.status < 200 || reply.status >= 300) {
      // A refused client is a configuration problem, not the end user's: callers see "unavailable".
      const reason = reply.status >= 500 ? 'status' : 'credentials';
      throw new UserServiceUnavailableError(reason, `token endpoint answered HTTP ${reply.status}`, {
        status: reply.status,
      });
    }
    const token = parseReply(tokenReplySchema, reply.bodyText, 'token endpoint');
    const lifetimeSecs = token.expires_in ?? DEFAULT_EXPIRES_IN_SECS;
    // A lifetime shorter than the early margin would never be cached; keep half of it instead.
    const cacheSecs = Math.max(lifetimeSecs - EARLY_REFRESH_SECS, lifetimeSecs / 2);
    const authorization = `Bearer ${token.access_token}`;
    this.#cached = { authorization, refreshAt: now() + cacheSecs * 1000 };
    return authorization;
  }
}
