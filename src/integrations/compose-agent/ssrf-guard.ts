import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { AddressPolicy, type AddressVerdict } from './address-ranges.js';

/*
 * The compose agent URL is an address Stacker calls on a user's behalf, so it must not become a way into
 * Stacker's own network (compose-agent.md, "No SSRF"). Two checks:
 * - at registration, `checkComposeUrl`: the URL's shape and, when the host is an IP literal, its address;
 * - at every call, `guardedLookup`, given to the HTTP client as its DNS lookup: the name is resolved
 *   then and there, every address is checked, and the socket connects to the address that was checked,
 *   so a DNS answer that changes between the check and the connection (rebinding) cannot slip through.
 * Node skips the lookup for IP literals, which is why the client runs `checkComposeUrl` on every call too.
 */

export interface ComposeNetworkPolicy {
  /** `COMPOSE_AGENT_ALLOWED_CIDRS`: ranges that are allowed even though they are internal. */
  allowedCidrs: readonly string[];
  /** `COMPOSE_AGENT_ALLOW_PRIVATE`: lifts the whole ban (tests, single-host setups). */
  allowPrivate: boolean;
}

export type ComposeUrlRefusal = 'invalid_url' | 'scheme_not_allowed' | 'blocked_address';

export type ComposeUrlCheck =
  | {
      ok: true;
      url: URL /** Origin and path without a trailing slash; endpoints are appended. */;
      baseUrl: string;
    }
  | { ok: false; reason: ComposeUrlRefusal; detail: string };

/** Raised inside the connection attempt; the client reports it as "unreachable". */
export class ComposeAddressBlockedError extends Error {
  override readonly name = 'ComposeAddressBlockedError';
  readonly code = 'ERR_COMPOSE_ADDRESS_BLOCKED';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${host} resolves to ${address}, in a blocked range (${range})`);
  }
}

export type Resolver = (
  hostname: string,
  options: { family?: number | 'IPv4' | 'IPv6' },
) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname, options) =>
  lookup(hostname, { all: true, ...(options.family === undefined ? {} : { family: options.family }) });

export interface SsrfGuard {
  checkComposeUrl(url: string): ComposeUrlCheck;
  classifyAddress(address: string): AddressVerdict;
  /** A `net.connect` lookup: resolves on every connection and refuses blocked addresses. */
  guardedLookup: LookupFunction;
}

/** Builds the guard once per policy; throws if `allowedCidrs` holds something that is not a CIDR. */
export function createSsrfGuard(
  policy: ComposeNetworkPolicy,
  options: { resolve?: Resolver } = {},
): SsrfGuard {
  const addresses = new AddressPolicy(policy);
  const resolve = options.resolve ?? systemResolver;

  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    const fail = (err: NodeJS.ErrnoException) => callback(err, '');
    resolve(hostname, { family: lookupOptions.family }).then((found) => {
      if (found.length === 0) return fail(notFound(hostname));
      // Refused when any answer is blocked, not only the one that would be used: a name that mixes
      // public and internal answers is either misconfigured or an attempt to get past the check.
      for (const entry of found) {
        const verdict = addresses.classify(entry.address);
        if (!verdict.allowed)
          return fail(new ComposeAddressBlockedError(hostname, entry.address, verdict.range));
      }
      if (lookupOptions.all) return callback(null, found);
      const first = found[0]!;
      callback(null, first.address, first.family);
    }, fail);
  };

  return {
    checkComposeUrl: (raw) => checkUrl(raw, addresses),
    classifyAddress: (address) => addresses.classify(address),
    guardedLookup,
  };
}

/** Registration-time check without keeping a guard around. */
export function checkComposeUrl(url: string, policy: ComposeNetworkPolicy): ComposeUrlCheck {
  return checkUrl(url, new AddressPolicy(policy));
}

function checkUrl(raw: string, addresses: AddressPolicy): ComposeUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'invalid_url', detail: 'The compose agent URL is not a valid URL.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      reason: 'scheme_not_allowed',
      detail: 'The compose agent URL must use http or https.',
    };
  }
  // The token is registered separately; a query or fragment would be lost when endpoints are appended.
  if (
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.hostname === ''
  ) {
    return {
      ok: false,
      reason: 'invalid_url',
      detail: 'The compose agent URL must be a base URL without credentials, query or fragment.',
    };
  }
  // The WHATWG parser has already turned 2130706433 or 0x7f.1 into 127.0.0.1, so isIP sees every literal.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) !== 0) {
    const verdict = addresses.classify(host);
    if (!verdict.allowed) {
      return {
        ok: false,
        reason: 'blocked_address',
        detail: `The compose agent URL points at a blocked address range (${verdict.range}).`,
      };
    }
  }
  return { ok: true, url, baseUrl: url.origin + url.pathname.replace(/\/+$/, '') };
}

function notFound(hostname: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  err.code = 'ENOTFOUND';
  return err;
}
