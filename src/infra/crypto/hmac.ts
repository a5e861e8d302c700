import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function hmacSha256(key: string | Buffer, data: string | Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

// Both sides are reduced to an HMAC under a per-process random key before the constant-time compare:
// the digests always have the same length, so neither the comparison's duration nor an early length
// check can reveal how long the secret is, and an attacker cannot predict the digests.
const COMPARE_KEY = randomBytes(32);

export function timingSafeEqualBuffers(a: Buffer, b: Buffer): boolean {
  return timingSafeEqual(hmacSha256(COMPARE_KEY, a), hmacSha256(COMPARE_KEY, b));
}

export function timingSafeEqualStrings(a: string, b: string): boolean {
  return timingSafeEqualBuffers(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** `bytes` random bytes as base64url without padding (64 bytes → 86 characters). */
export function randomToken(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes < 1) throw new RangeError('randomToken needs a positive byte count');
  return randomBytes(bytes).toString('base64url');
}
