import { describe, expect, it } from 'vitest';
import type { Resolver } from '../../../src/integrations/compose-agent/index.js';
import { composeHarness, requestFor } from './harness.js';

const h = composeHarness();

const STRICT = { allowedCidrs: [], allowPrivate: false };

/** A resolver that answers each lookup with the next address of the list (the last one repeats). */
function scriptedResolver(...addresses: string[]) {
  const asked: string[] = [];
  const resolve: Resolver = async (hostname) => {
    asked.push(hostname);
    const address = addresses[Math.min(asked.length - 1, addresses.length - 1)]!;
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
  return { resolve, asked };
}

describe('compose agent client: SSRF at call time', () => {
  it('refuses a loopback URL unless allowed, without sending anything', async () => {
    const peer = await h.peer();
    const outcome = await h.client({ policy: STRICT }).execute(requestFor(peer));
    expect(outcome).toMatchObject({ kind: 'unreachable', reason: 'blocked' });
    expect(peer.state.requests).toHaveLength(0);
  });

  it('refuses a host name that resolves to a private address, without connecting', async () => {
    const peer = await h.peer();
    const dns = scriptedResolver('127.0.0.1');
    const url = `http://compose-agent.example.com:${peer.port}`;
    const outcome = await h
      .client({ policy: STRICT, resolve: dns.resolve })
      .execute(requestFor(peer, { url }));
    expect(outcome).toMatchObject({ kind: 'unreachable', reason: 'blocked' });
    expect(dns.asked).toEqual(['compose-agent.example.com']);
    expect(peer.state.requests).toHaveLength(0);
  });

  it('connects to the address the guard checked (the name is never resolved elsewhere)', async () => {
    const peer = await h.peer();
    const dns = scriptedResolver('127.0.0.1');
    const url = `http://compose-agent.example.com:${peer.port}`;
    const client = h.client({
      policy: { allowedCidrs: ['127.0.0.1/32'], allowPrivate: false },
      resolve: dns.resolve,
    });
    const outcome = await client.execute(requestFor(peer, { url }));
    expect(outcome.kind).toBe('ok');
    expect(peer.state.requests[0]?.headers.host).toBe(`compose-agent.example.com:${peer.port}`);
  });

  it('resolves on every call, so a name rebound to a blocked address is refused on the next call', async () => {
    const peer = await h.peer();
    const dns = scriptedResolver('127.0.0.1', '127.0.0.2');
    const url = `http://compose-agent.example.com:${peer.port}`;
    const client = h.client({
      policy: { allowedCidrs: ['127.0.0.1/32'], allowPrivate: false },
      resolve: dns.resolve,
    });
    expect((await client.execute(requestFor(peer, { url }))).kind).toBe('ok');
    expect(await client.execute(requestFor(peer, { url }))).toMatchObject({
      kind: 'unreachable',
      reason: 'blocked',
    });
    expect(dns.asked).toHaveLength(2);
    expect(peer.state.requests).toHaveLength(1);
  });

  it('keeps no connection alive: every call resolves the name again', async () => {
    const peer = await h.peer();
    const dns = scriptedResolver('127.0.0.1');
    const url = `http://compose-agent.example.com:${peer.port}`;
    const client = h.client({
      policy: { allowedCidrs: ['127.0.0.1/32'], allowPrivate: false },
      resolve: dns.resolve,
    });
    for (let call = 1; call <= 4; call += 1) {
      expect((await client.execute(requestFor(peer, { url }))).kind).toBe('ok');
      expect(dns.asked).toHaveLength(call);
    }
  });

  it('reports a name that does not resolve as unreachable (dns)', async () => {
    const failing: Resolver = async (hostname) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    };
    const peer = await h.peer();
    const outcome = await h
      .client({ resolve: failing })
      .execute(requestFor(peer, { url: 'http://nowhere.example.com:5000' }));
    expect(outcome).toMatchObject({ kind: 'unreachable', reason: 'dns' });
  });

  it('refuses stored URLs that are not http(s) base URLs', async () => {
    const peer = await h.peer();
    const client = h.client();
    expect(await client.execute(requestFor(peer, { url: 'file:///etc/passwd' }))).toMatchObject({
      kind: 'unreachable',
      reason: 'invalid_url',
    });
    expect(await client.execute(requestFor(peer, { url: 'http://169.254.169.254/latest' }))).toMatchObject({
      kind: 'unreachable',
      reason: 'blocked',
    });
  });
});

describe('compose agent client: redirects', () => {
  it.each([301, 302, 307, 308] as const)('does not follow a %i', async (status) => {
    const peer = await h.peer();
    const target = await h.peer();
    peer.state.injectFault({ kind: 'redirect', status, location: `${target.url}/api/v1/commands/execute` });
    const outcome = await h.client().execute(requestFor(peer));
    expect(outcome).toMatchObject({ kind: 'agent_failed', status });
    expect(peer.state.requests).toHaveLength(1);
    expect(target.state.requests).toHaveLength(0);
  });
});
