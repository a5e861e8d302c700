import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../infra/clock.js';
import { hmacSha256, timingSafeEqualStrings } from '../../infra/crypto/hmac.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { AppError, unauthorized } from '../../infra/http/errors.js';
import type { AuthClient } from '../principal.js';
import { findActiveClient } from './service-client-repository.js';

interface CachedClient {
  client: AuthClient;
  secret: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set in onRequest for service clients; the HMAC is checked once the raw body has been read. */
    pendingClientSecret?: string;
  }
}

const CLIENT_CACHE_TTL_MS = 30_000;
const ID_RE = /^[1-9][0-9]{0,9}$/;

/**
 * Service clients: `stacker-id` + `stacker-hash` = lowercase hex HMAC-SHA256(secret, raw body) — or of
 * `timestamp + "." + body` when `stacker-timestamp` is sent, which also bounds replays by the skew window.
 */
export class ServiceClientAuthenticator {
  private readonly cache = new LRUCache<number, CachedClient>({ max: 1_000, ttl: CLIENT_CACHE_TTL_MS });

  constructor(
    private readonly db: Kysely<Database>,
    private readonly secretBox: SecretBox,
    private readonly clock: Clock,
    private readonly maxSkewSecs: number,
  ) {}

  /** onRequest: the client exists and is active. */
  async identify(request: FastifyRequest, rawId: string): Promise<AuthClient> {
    if (!ID_RE.test(rawId)) throw unauthorized('client_unauthorized', 'Unknown service client.');
    const id = Number(rawId);
    let cached = this.cache.get(id);
    if (!cached) {
      const row = await findActiveClient(this.db, id);
      if (!row) throw unauthorized('client_unauthorized', 'Unknown service client.');
      cached = {
        client: { id: row.id, name: row.name, scopes: row.scopes },
        secret: this.secretBox.openString(row.secret_ciphertext),
      };
      this.cache.set(id, cached);
    }
    request.pendingClientSecret = cached.secret;
    return cached.client;
  }

  /** preValidation: the hash covers the bytes received. */
  verify(request: FastifyRequest): void {
    const secret = request.pendingClientSecret;
    if (secret === undefined) return;
    request.pendingClientSecret = undefined;
    const presented = header(request, 'stacker-hash')?.toLowerCase() ?? '';
    const body = request.rawBody ?? Buffer.alloc(0);
    const timestamp = header(request, 'stacker-timestamp');
    let signed: Buffer = body;
    if (timestamp !== undefined) {
      const ts = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
      const now = Math.floor(this.clock.now().getTime() / 1000);
      if (!Number.isFinite(ts) || Math.abs(now - ts) > this.maxSkewSecs) {
        throw new AppError(
          401,
          'stale_timestamp',
          'stacker-timestamp is missing or outside the allowed clock skew.',
        );
      }
      signed = Buffer.concat([Buffer.from(`${timestamp}.`), body]);
    }
    const expected = hmacSha256(secret, signed).toString('hex');
    if (!timingSafeEqualStrings(presented, expected)) {
      throw unauthorized('bad_client_signature', 'stacker-hash does not match the request body.');
    }
  }

  forget(id: number): void {
    this.cache.delete(id);
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
