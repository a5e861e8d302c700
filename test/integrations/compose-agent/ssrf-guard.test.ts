import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  ComposeAddressBlockedError,
  type ComposeNetworkPolicy,
  checkComposeUrl,
  createSsrfGuard,
  type Resolver,
} from '../../../src/integrations/compose-agent/index.js';

const STRICT: ComposeNetworkPolicy = { allowedCidrs: [], allowPrivate: false };

const BLOCKED: [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.45.6.7', 'loopback'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.254', 'private'],
  ['192.168.0.1', 'private'],
  ['192.168.255.255', 'private'],
  ['100.64.0.1', 'cgnat'],
  ['100.127.255.254', 'cgnat'],
  ['169.254.169.254', 'link-local'],
  ['169.254.0.1', 'link-local'],
  ['0.0.0.0', 'this-network'],
  ['0.1.2.3', 'this-network'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['255.255.255.255', 'reserved'],
  ['::1', 'loopback'],
  ['::', 'loopback'],
  ['fc00::', 'unique-local'],
  ['fd12:3456:789a::1', 'unique-local'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['ff02::1', 'multicast'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:192.168.1.1', 'private'],
  ['64:ff9b::10.0.0.1', 'private'],
];

const PUBLIC = [
  '8.8.8.8',
  '93.184.216.34',
  '1.1.1.1',
  '11.0.0.1',
  '172.15.255.255',
  '172.32.0.1',
  '100.63.255.255',
  '100.128.0.1',
  '169.253.255.255',
  '192.169.0.1',
  '2606:4700:4700::1111',
  '2a00:1450:4001:80b::200e',
  '::ffff:8.8.8.8',
  '64:ff9b::8.8.8.8',
];

describe('SSRF guard: addresses', () => {
  const guard = createSsrfGuard(STRICT);

  it.each(BLOCKED)('refuses %s (%s)', (address, range) => {
    expect(guard.classifyAddress(address)).toEqual({ allowed: false, range });
  });

  it.each(PUBLIC)('allows the public address %s', (address) => {
    expect(guard.classifyAddress(address)).toEqual({ allowed: true });
  });

  it('refuses what is not an IP address', () => {
    expect(guard.classifyAddress('example.com')).toEqual({ allowed: false, range: 'not-an-ip' });
  });

  it('lifts exactly the ranges listed in allowedCidrs, in both IPv4 spellings', () => {
    const lifted = createSsrfGuard({ allowedCidrs: ['10.0.0.0/8'], allowPrivate: false });
    expect(lifted.classifyAddress('10.1.2.3').allowed).toBe(true);
    expect(lifted.classifyAddress('::ffff:10.1.2.3').allowed).toBe(true);
    expect(lifted.classifyAddress('127.0.0.1').allowed).toBe(false);
    expect(lifted.classifyAddress('192.168.1.1').allowed).toBe(false);
    expect(lifted.classifyAddress('172.16.0.1').allowed).toBe(false);
  });

  it('accepts single addresses and IPv6 ranges in allowedCidrs', () => {
    const lifted = createSsrfGuard({ allowedCidrs: ['169.254.169.254', 'fd00::/8'], allowPrivate: false });
    expect(lifted.classifyAddress('169.254.169.254').allowed).toBe(true);
    expect(lifted.classifyAddress('169.254.169.253').allowed).toBe(false);
    expect(lifted.classifyAddress('fd00::5').allowed).toBe(true);
    expect(lifted.classifyAddress('fc00::5').allowed).toBe(false);
  });

  it('lifts every range when allowPrivate is true', () => {
    const open = createSsrfGuard({ allowedCidrs: [], allowPrivate: true });
    for (const [address] of BLOCKED) expect(open.classifyAddress(address).allowed).toBe(true);
  });

  it.each(['10.0.0.0/33', 'not-a-cidr', '10.0.0.0/8/1', '::1/129', '10.0.0.0/abc', '10.0.0.0/'])(
    'refuses the bad allowedCidrs entry %s, naming the variable',
    (entry) => {
      expect(() => createSsrfGuard({ allowedCidrs: [entry], allowPrivate: false })).toThrow(
        /COMPOSE_AGENT_ALLOWED_CIDRS/,
      );
    },
  );
});

describe('SSRF guard: registration-time URL check', () => {
  it.each([
    'ftp://agent.example.com',
    'file:///etc/passwd',
    'gopher://agent.example.com',
    'ws://agent.example.com',
    'javascript:alert(1)',
    'data:text/plain,x',
  ])('refuses the non-http scheme of %s', (url) => {
    expect(checkComposeUrl(url, STRICT)).toMatchObject({ ok: false, reason: 'scheme_not_allowed' });
  });

  it.each([
    'http://127.0.0.1:5000',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]:5000',
    'http://[::ffff:127.0.0.1]:5000',
    'http://[fd00::1]/',
    'http://10.0.0.1',
    'http://2130706433:5000',
    'http://0x7f.1:5000',
    'http://100.64.1.1',
  ])('refuses the internal IP literal of %s', (url) => {
    expect(checkComposeUrl(url, STRICT)).toMatchObject({ ok: false, reason: 'blocked_address' });
  });

  it.each([
    'not a url',
    'http://user:pass@agent.example.com',
    'http://agent.example.com/?x=1',
    'http://agent.example.com/#x',
  ])('refuses %s as not a base URL', (url) => {
    expect(checkComposeUrl(url, STRICT)).toMatchObject({ ok: false, reason: 'invalid_url' });
  });

  it('accepts http and https URLs with public literals or host names (names are checked at call time)', () => {
    expect(checkComposeUrl('http://93.184.216.34:5000', STRICT)).toMatchObject({
      ok: true,
      baseUrl: 'http://93.184.216.34:5000',
    });
    expect(checkComposeUrl('https://agent.example.com/status/', STRICT)).toMatchObject({
      ok: true,
      baseUrl: 'https://agent.example.com/status',
    });
  });

  it('accepts an internal literal once allowed', () => {
    expect(
      checkComposeUrl('http://127.0.0.1:5000', { allowedCidrs: ['127.0.0.0/8'], allowPrivate: false }).ok,
    ).toBe(true);
    expect(checkComposeUrl('http://169.254.169.254', { allowedCidrs: [], allowPrivate: true }).ok).toBe(true);
  });
});

type LookupResult = { err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };

function lookupWith(
  resolve: Resolver,
  hostname: string,
  all: boolean,
  policy = STRICT,
): Promise<LookupResult> {
  const guard = createSsrfGuard(policy, { resolve });
  return new Promise((done) =>
    guard.guardedLookup(hostname, { all }, (err, address, family) => done({ err, address, family })),
  );
}

const answers =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('SSRF guard: lookup at call time', () => {
  it('refuses a name that resolves to a private address', async () => {
    const { err } = await lookupWith(answers('10.0.0.5'), 'agent.example.com', true);
    expect(err).toBeInstanceOf(ComposeAddressBlockedError);
    expect(err).toMatchObject({ host: 'agent.example.com', address: '10.0.0.5', range: 'private' });
  });

  it('refuses a name when any of its answers is internal', async () => {
    const { err } = await lookupWith(answers('93.184.216.34', '169.254.169.254'), 'agent.example.com', true);
    expect(err).toBeInstanceOf(ComposeAddressBlockedError);
  });

  it('hands back every checked address when asked for all, or the first one otherwise', async () => {
    const resolve = answers('93.184.216.34', '2606:2800:220:1::1');
    const all = await lookupWith(resolve, 'agent.example.com', true);
    expect(all.err).toBeNull();
    expect(all.address).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:2800:220:1::1', family: 6 },
    ]);
    const one = await lookupWith(resolve, 'agent.example.com', false);
    expect(one).toEqual({ err: null, address: '93.184.216.34', family: 4 });
  });

  it('passes the resolver error on, and reports an empty answer as ENOTFOUND', async () => {
    const failing: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' });
    };
    expect((await lookupWith(failing, 'agent.example.com', true)).err?.code).toBe('EAI_AGAIN');
    expect((await lookupWith(answers(), 'agent.example.com', true)).err?.code).toBe('ENOTFOUND');
  });

  it('resolves through the system resolver by default: localhost is refused', async () => {
    const guard = createSsrfGuard(STRICT);
    const err = await new Promise((done) => guard.guardedLookup('localhost', { all: true }, (e) => done(e)));
    expect(err).toBeInstanceOf(ComposeAddressBlockedError);
    expect(err).toMatchObject({ range: 'loopback' });
  });
});
