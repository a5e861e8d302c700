import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../infra/clock.js';
import { unauthorized } from '../infra/http/errors.js';
import { ownValue } from '../infra/own-value.js';
import {
  type UserProfile,
  type UserServiceClient,
  UserServiceRejectedError,
} from '../integrations/user-service/index.js';
import type { AuthUser } from './principal.js';

/** Subjects a User Service role can never become: they belong to other kinds of caller. */
const RESERVED_SUBJECTS = new Set(['agent', 'client', 'anonym', 'group_anonymous']);
const REJECTED_TTL_MS = 5_000;
const MAX_ENTRIES = 50_000;

type Entry = { ok: true; user: AuthUser } | { ok: false; status: number };

export interface UserAuthenticatorOptions {
  userService: UserServiceClient;
  ttlSecs: number;
  roleMap: Record<string, string>;
  /** The cache's time source (the app clock): the TTL is measured against it. */
  clock: Clock;
}

export function mapRole(role: string, roleMap: Record<string, string>): string {
  const subject = ownValue(roleMap, role) ?? 'group_user';
  return RESERVED_SUBJECTS.has(subject) ? 'group_user' : subject;
}

/**
 * Bearer token → user, through the User Service's `/me`, cached per token (keyed by its SHA-256, so the
 * cache never holds a usable token). Concurrent misses for one token share one call (lru-cache fetch);
 * a 401/403 is remembered for 5 s so a bad token cannot hammer the User Service; an outage is never
 * cached and never answered 401 (the caller sees 503). The TTL is how long a revoked token still works.
 */
export class UserAuthenticator {
  private readonly cache: LRUCache<string, Entry, string>;

  constructor(private readonly options: UserAuthenticatorOptions) {
    this.cache = new LRUCache<string, Entry, string>({
      max: MAX_ENTRIES,
      ttl: options.ttlSecs * 1000,
      // Ages come from the app clock, read on every check: a moved test clock expires entries at once.
      perf: { now: () => options.clock.now().getTime() },
      ttlResolution: 0,
      allowStale: false,
      noDeleteOnFetchRejection: false,
      fetchMethod: async (_key, _stale, { context: token, options: fetchOptions }) => {
        try {
          const profile = await this.options.userService.getMe(token);
          return { ok: true, user: this.toUser(profile) };
        } catch (error) {
          if (error instanceof UserServiceRejectedError) {
            fetchOptions.ttl = REJECTED_TTL_MS;
            return { ok: false, status: error.status };
          }
          throw error;
        }
      },
    });
  }

  async authenticate(token: string): Promise<AuthUser> {
    const entry = await this.cache.fetch(tokenKey(token), { context: token });
    if (!entry?.ok) throw unauthorized('invalid_token', 'The bearer token is invalid, expired or revoked.');
    return entry.user;
  }

  /** Drops a cached profile (e.g. to see a purchase made a second ago). */
  forget(token: string): void {
    this.cache.delete(tokenKey(token));
  }

  private toUser(profile: UserProfile): AuthUser {
    return { ...profile, subject: mapRole(profile.role, this.options.roleMap) };
  }
}

export function tokenKey(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
