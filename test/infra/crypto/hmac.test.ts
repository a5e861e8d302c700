import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hmacSha256,
  randomToken,
  sha256Hex,
  timingSafeEqualBuffers,
  timingSafeEqualStrings,
} from '../../../src/infra/crypto/hmac.js';

describe('hmacSha256 / sha256Hex', () => {
  it('matches RFC 4231 test case 2', () => {
    const mac = hmacSha256('Jefe', 'what do ya want for nothing?');
    expect(mac.toString('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('accepts buffers as key and data', () => {
    const key = Buffer.from([1, 2, 3]);
    const data = Buffer.from('body');
    expect(hmacSha256(key, data).equals(createHmac('sha256', key).update(data).digest())).toBe(true);
  });

  it('hashes the empty string to the well-known digest', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(Buffer.from('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('timing-safe comparison', () => {
  it.each([
    ['secret', 'secret', true],
    ['secret', 'secreT', false],
    ['secret', 'secret-longer', false],
    ['', '', true],
    ['', 'x', false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(timingSafeEqualStrings(a, b)).toBe(expected);
    expect(timingSafeEqualBuffers(Buffer.from(a), Buffer.from(b))).toBe(expected);
  });

  it('treats strings as UTF-8', () => {
    expect(timingSafeEqualStrings('é', 'é')).toBe(true);
    expect(timingSafeEqualStrings('é', 'e')).toBe(false);
  });
});

describe('randomToken', () => {
  it('gives 86 base64url characters for 64 bytes, without padding', () => {
    const token = randomToken(64);
    expect(token).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(64);
  });

  it('is different every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => randomToken(16)));
    expect(tokens.size).toBe(50);
  });

  it('refuses a non-positive size', () => {
    expect(() => randomToken(0)).toThrow(RangeError);
    expect(() => randomToken(1.5)).toThrow(RangeError);
  });
});
