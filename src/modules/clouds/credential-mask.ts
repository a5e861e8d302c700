import type { SecretBox } from '../../infra/crypto/secret-box.js';

/*
 * How a stored cloud credential is shown (clouds-servers.md, "Reads"): its first 6 characters and
 * `****`, enough for a person to tell two tokens apart and useless to anyone else. A value that cannot be
 * opened (a rotated-away key, a damaged row) shows as `****` rather than failing the whole list.
 */

export const MASK = '****';
const SHOWN_CHARS = 6;

/** Masks a plaintext credential; counts characters (code points), not UTF-16 units or bytes. */
export function maskCredential(plaintext: string): string {
  return Array.from(plaintext).slice(0, SHOWN_CHARS).join('') + MASK;
}

/** Masks a sealed credential; `null` stays `null`. */
export function maskSealed(box: SecretBox, sealed: Buffer | null): string | null {
  if (sealed === null) return null;
  try {
    return maskCredential(box.openString(sealed));
  } catch {
    return MASK;
  }
}
