import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSshKeyPair, keyFileText } from '../../../src/modules/servers/index.js';

/** Reads the openssh-key-v1 container back (PROTOCOL.key), independently of the writer. */
function parseOpenSshKey(text: string) {
  const body = text
    .replace('-----BEGIN OPENSSH PRIVATE KEY-----', '')
    .replace('-----END OPENSSH PRIVATE KEY-----', '')
    .replace(/\s+/g, '');
  const buf = Buffer.from(body, 'base64');
  const magic = 'openssh-key-v1\0';
  expect(buf.subarray(0, magic.length).toString('latin1')).toBe(magic);
  let at = magic.length;
  const next = () => {
    const len = buf.readUInt32BE(at);
    const out = buf.subarray(at + 4, at + 4 + len);
    at += 4 + len;
    return out;
  };
  const cipher = next().toString();
  const kdf = next().toString();
  next();
  const count = buf.readUInt32BE(at);
  at += 4;
  const publicBlob = next();
  const section = next();
  return { cipher, kdf, count, publicBlob, section };
}

const hasSshKeygen = (() => {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // ssh-keygen -? exits 1 after printing its usage: present.
    return (error as { status?: number }).status === 1;
  }
})();

describe('Ed25519 key pairs in OpenSSH format', () => {
  it('writes an unencrypted openssh-key-v1 whose seed signs for the public key', () => {
    const pair = generateSshKeyPair('test@stacker');
    expect(pair.privateKey.startsWith('-----BEGIN OPENSSH PRIVATE KEY-----\n')).toBe(true);
    expect(pair.privateKey.endsWith('-----END OPENSSH PRIVATE KEY-----\n')).toBe(true);
    expect(pair.privateKey.endsWith('\n\n')).toBe(false);
    expect(pair.privateKey).not.toContain('BEGIN PRIVATE KEY');

    const [type, blob64, comment] = pair.publicKey.split(' ');
    expect(type).toBe('ssh-ed25519');
    expect(comment).toBe('test@stacker');
    const parsed = parseOpenSshKey(pair.privateKey);
    expect(parsed).toMatchObject({ cipher: 'none', kdf: 'none', count: 1 });
    expect(parsed.publicBlob.toString('base64')).toBe(blob64);
    expect(parsed.section.length % 8).toBe(0);
    // check words equal, then type, pub (32), priv (64 = seed + pub)
    expect(parsed.section.readUInt32BE(0)).toBe(parsed.section.readUInt32BE(4));
    const pub = parsed.publicBlob.subarray(parsed.publicBlob.length - 32);
    const privStart = 8 + 4 + 11 + 4 + 32 + 4;
    const seed = parsed.section.subarray(privStart, privStart + 32);
    expect(parsed.section.subarray(privStart + 32, privStart + 64).equals(pub)).toBe(true);

    const key = createPrivateKey({
      key: { kty: 'OKP', crv: 'Ed25519', d: seed.toString('base64url'), x: pub.toString('base64url') },
      format: 'jwk',
    });
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') },
      format: 'jwk',
    });
    const signature = sign(null, Buffer.from('hello'), key);
    expect(verify(null, Buffer.from('hello'), publicKey, signature)).toBe(true);
  });

  it('gives a new pair every time', () => {
    expect(generateSshKeyPair().publicKey).not.toBe(generateSshKeyPair().publicKey);
  });

  it('normalises a key file to end in exactly one newline', () => {
    expect(keyFileText('  abc\n\n\n')).toBe('abc\n');
    expect(keyFileText('abc')).toBe('abc\n');
  });

  // Needs OpenSSH's ssh-keygen (Debian openssh-client): the real reader of the file.
  it.skipIf(!hasSshKeygen)('is read by ssh-keygen, which derives the same public key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stacker-key-'));
    try {
      const pair = generateSshKeyPair('check');
      const file = join(dir, 'id_ed25519');
      writeFileSync(file, pair.privateKey, { mode: 0o600 });
      const derived = execFileSync('ssh-keygen', ['-y', '-f', file]).toString().trim();
      expect(derived.split(' ').slice(0, 2)).toEqual(pair.publicKey.split(' ').slice(0, 2));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
