import { createServer, type Server as NetServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorizeKey,
  createSshClient,
  generateEd25519KeyPair,
  parsePublicKeyLine,
  probeHost,
  type SshRequest,
} from '../../../src/integrations/ssh/index.js';
import { type SshTestServer, startSshTestServer } from '../../helpers/ssh-server.js';

const loopback = { allowedCidrs: [], allowPrivate: true };

describe('SSH client against a real SSH server on loopback', () => {
  let server: SshTestServer;
  const stored = generateEd25519KeyPair('stacker-test');
  const client = createSshClient({ policy: loopback });
  const request = (extra: Partial<SshRequest> = {}): SshRequest => ({
    host: server.host,
    port: server.port,
    username: server.username,
    privateKey: stored.privateKey,
    ...extra,
  });

  beforeAll(async () => {
    server = await startSshTestServer();
    await server.authorize(stored.publicKey);
  });
  afterAll(() => server.close());

  it('adds a key to authorized_keys once, and the added key then logs in', async () => {
    const laptop = generateEd25519KeyPair('me@laptop');
    const key = parsePublicKeyLine(laptop.publicKey);
    expect(key).toBeDefined();
    const first = await authorizeKey(client, request(), key!);
    expect(first).toMatchObject({ ok: true, added: true });
    // The same key with another comment counts as present.
    const again = await authorizeKey(client, request(), parsePublicKeyLine(`${key!.line} other`)!);
    expect(again).toMatchObject({ ok: true, added: false });
    const lines = (await server.authorizedKeys()).split('\n').filter((l) => l.includes(key!.blob));
    expect(lines).toHaveLength(1);
    const asLaptop = await probeHost(client, request({ privateKey: laptop.privateKey }));
    expect(asLaptop).toMatchObject({ ok: true, facts: { username: expect.any(String) } });
  });

  it('keeps a key file without a final newline intact', async () => {
    await server.authorize(stored.publicKey);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${server.home}/.ssh/authorized_keys`, stored.publicKey); // no newline
    const other = parsePublicKeyLine(generateEd25519KeyPair('x').publicKey)!;
    expect(await authorizeKey(client, request(), other)).toMatchObject({ ok: true, added: true });
    const lines = (await server.authorizedKeys()).trim().split('\n');
    expect(lines).toEqual([stored.publicKey, other.line]);
  });

  it('refuses a key the server does not know', async () => {
    const stranger = generateEd25519KeyPair('stranger');
    const before = server.refusedLogins;
    const result = await probeHost(client, request({ privateKey: stranger.privateKey }));
    expect(result).toMatchObject({ ok: false, reason: 'auth_failed' });
    expect(server.refusedLogins).toBeGreaterThan(before);
  });

  it('reports the host key fingerprint and refuses a changed host key before logging in', async () => {
    const first = await probeHost(client, request());
    expect(first.ok).toBe(true);
    const fingerprint = first.ok ? first.hostKeyFingerprint : '';
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(await probeHost(client, request({ pinnedFingerprint: fingerprint }))).toMatchObject({ ok: true });

    const impostor = await startSshTestServer({ home: server.home });
    try {
      const commandsBefore = impostor.commands.length;
      const result = await probeHost(
        client,
        request({ port: impostor.port, pinnedFingerprint: fingerprint }),
      );
      expect(result).toMatchObject({ ok: false, reason: 'host_key_changed' });
      expect(impostor.commands.length).toBe(commandsBefore);
    } finally {
      await impostor.close();
    }
  });

  it('reads the host facts the validate route reports', async () => {
    const result = await probeHost(client, request());
    if (!result.ok) throw new Error(result.detail);
    expect(result.facts.diskTotalGb).toBeGreaterThan(0);
    expect(typeof result.facts.dockerInstalled).toBe('boolean');
    expect(result.facts.memoryTotalMb).toBeGreaterThan(0);
  });
});

describe('SSH client refusals', () => {
  const stored = generateEd25519KeyPair('stacker-test');
  const base = { port: 22, username: 'root', privateKey: stored.privateKey };

  it('does not connect to internal addresses unless the policy allows them', async () => {
    const client = createSshClient({ policy: { allowedCidrs: [], allowPrivate: false } });
    for (const host of ['127.0.0.1', '169.254.169.254', '10.1.2.3', '[::1]']) {
      expect(await client.exec({ ...base, host }, 'true')).toMatchObject({ reason: 'blocked_address' });
    }
    const rebinding = createSshClient({
      policy: { allowedCidrs: [], allowPrivate: false },
      resolve: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    });
    expect(await rebinding.exec({ ...base, host: 'mixed.example' }, 'true')).toMatchObject({
      reason: 'blocked_address',
    });
  });

  it('gives up on a server that never answers within the timeout', async () => {
    const sockets = new Set<Socket>();
    const silent: NetServer = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const client = createSshClient({ policy: loopback, timeoutMs: 300 });
      const started = process.hrtime.bigint();
      const result = await client.exec({ ...base, host: '127.0.0.1', port }, 'true');
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      expect(result).toMatchObject({ ok: false, reason: 'timeout' });
      expect(elapsedMs).toBeLessThan(3_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('reports a closed port as unreachable', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = createSshClient({ policy: loopback });
    expect(await client.exec({ ...base, host: '127.0.0.1', port }, 'true')).toMatchObject({
      ok: false,
      reason: 'unreachable',
    });
  });
});

describe('public key lines', () => {
  it('accepts OpenSSH public keys and rejects anything else', () => {
    const pair = generateEd25519KeyPair('c');
    expect(parsePublicKeyLine(pair.publicKey)?.type).toBe('ssh-ed25519');
    expect(pair.privateKey.startsWith('-----BEGIN OPENSSH PRIVATE KEY-----\n')).toBe(true);
    expect(pair.privateKey.endsWith('-----\n')).toBe(true);
    for (const bad of ['ssh-ed25519', 'ssh-ed25519 AAAA', "ssh-ed25519 AAAA'; rm -rf /", 'hello world', '']) {
      expect(parsePublicKeyLine(bad)).toBeUndefined();
    }
  });
});
