import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadOrCreateDevKey,
  parseSecretKey,
  SecretBox,
  SecretBoxError,
  type SecretBoxErrorCode,
} from '../../../src/infra/crypto/secret-box.js';

function expectBoxError(fn: () => unknown, code: SecretBoxErrorCode): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SecretBoxError);
    expect((err as SecretBoxError).code).toBe(code);
    return;
  }
  throw new Error(`expected a SecretBoxError ${code}`);
}

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox(key);

  it('round-trips strings, buffers and JSON', () => {
    expect(box.openString(box.seal('agent token ✓'))).toBe('agent token ✓');
    const bytes = randomBytes(100);
    expect(box.open(box.seal(bytes)).equals(bytes)).toBe(true);
    expect(box.openJson(box.sealJson({ env_vars: { A: '1' }, n: [1, null] }))).toEqual({
      env_vars: { A: '1' },
      n: [1, null],
    });
    expect(box.openString(box.seal(''))).toBe('');
  });

  it('writes version, key id, a fresh nonce and the tag ahead of the data', () => {
    const a = box.seal('same');
    const b = box.seal('same');
    expect(a[0]).toBe(1);
    expect(a.subarray(1, 5).toString('hex')).toBe(box.keyId);
    expect(a.length).toBe(1 + 4 + 12 + 16 + 4);
    expect(a.subarray(5, 17).equals(b.subarray(5, 17))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('detects tampering anywhere in the ciphertext', () => {
    const sealed = box.seal('payload');
    for (const index of [0, 2, 6, 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      expect(() => box.open(tampered)).toThrow(SecretBoxError);
    }
    const flippedData = Buffer.from(sealed);
    flippedData[sealed.length - 1] = (flippedData[sealed.length - 1] ?? 0) ^ 0x80;
    expectBoxError(() => box.open(flippedData), 'tampered');
  });

  it('refuses short input, unknown versions and unknown keys', () => {
    expectBoxError(() => box.open(Buffer.alloc(10)), 'malformed');
    const sealed = box.seal('x');
    const v2 = Buffer.from(sealed);
    v2[0] = 2;
    expectBoxError(() => box.open(v2), 'unsupported_version');
    expectBoxError(() => new SecretBox(randomBytes(32)).open(sealed), 'unknown_key');
  });

  it('opens values sealed with the previous key and seals with the current one', () => {
    const oldKey = randomBytes(32);
    const oldBox = new SecretBox(oldKey);
    const sealedOld = oldBox.seal('before rotation');
    const rotated = new SecretBox(randomBytes(32), oldKey);
    expect(rotated.openString(sealedOld)).toBe('before rotation');
    expect(rotated.needsReseal(sealedOld)).toBe(true);
    const sealedNew = rotated.seal('after');
    expect(rotated.needsReseal(sealedNew)).toBe(false);
    expectBoxError(() => oldBox.open(sealedNew), 'unknown_key');
  });

  it('refuses keys that are not 32 bytes', () => {
    expectBoxError(() => new SecretBox(randomBytes(16)), 'invalid_key');
    expectBoxError(() => new SecretBox(randomBytes(32), randomBytes(31)), 'invalid_key');
  });
});

describe('parseSecretKey', () => {
  it('decodes a padded base64 key of 32 bytes, ignoring surrounding whitespace', () => {
    const key = randomBytes(32);
    expect(parseSecretKey(` ${key.toString('base64')}\n`).equals(key)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(33).toString('base64')],
    ['not base64', '!'.repeat(44)],
  ])('refuses %s, naming the variable but not the value', (_name, value) => {
    try {
      parseSecretKey(value, 'STACKER_SECRET_KEY');
      throw new Error('expected a failure');
    } catch (err) {
      expect(err).toBeInstanceOf(SecretBoxError);
      expect((err as Error).message).toContain('STACKER_SECRET_KEY');
      if (value !== '') expect((err as Error).message).not.toContain(value);
    }
  });
});

describe('loadOrCreateDevKey', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stacker-key-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a 0600 key file (and its directory) once, then reads it back', async () => {
    const path = join(dir, 'nested', '.data', 'secret.key');
    const created = await loadOrCreateDevKey(path);
    expect(created).toHaveLength(32);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(parseSecretKey(await readFile(path, 'utf8')).equals(created)).toBe(true);
    expect((await loadOrCreateDevKey(path)).equals(created)).toBe(true);
  });

  it('agrees on one key when several callers race', async () => {
    const path = join(dir, 'secret.key');
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateDevKey(path)));
    for (const key of keys) expect(key.equals(keys[0]!)).toBe(true);
  });

  it('refuses an existing file that holds no valid key', async () => {
    const path = join(dir, 'secret.key');
    await writeFile(path, 'not a key');
    await expect(loadOrCreateDevKey(path)).rejects.toBeInstanceOf(SecretBoxError);
  });
});
