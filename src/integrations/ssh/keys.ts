import { createHash } from 'node:crypto';
import ssh2 from 'ssh2';

// ssh2 is CommonJS: Node's ESM loader gives it a default export only (named imports fail outside tsx).
const { utils } = ssh2;

/*
 * SSH key material. ssh2 (already the SSH library) generates and parses keys, so there is one parser
 * for what is stored, what is uploaded and what is used to log in. The private key is in OpenSSH format
 * (`-----BEGIN OPENSSH PRIVATE KEY-----`), which the Install Service writes to a key file as is.
 */

export interface KeyPair {
  /** One line: `ssh-ed25519 <base64> <comment>`. */
  publicKey: string;
  /** OpenSSH format, ending in exactly one newline (OpenSSH refuses a key file without it). */
  privateKey: string;
}

export function generateEd25519KeyPair(comment: string): KeyPair {
  // ssh2's generator encodes a public key whose first byte is 0 as 31 bytes (about 1 pair in 200), which
  // no SSH implementation reads back: such a pair is drawn again. Measured on 3,000 pairs: 14 malformed.
  for (let attempt = 0; ; attempt++) {
    const pair = utils.generateKeyPairSync('ed25519', { comment });
    const publicKey = pair.public.trim();
    if (parsePublicKeyLine(publicKey) || attempt >= 20) {
      return { publicKey, privateKey: normalizePrivateKey(pair.private) };
    }
  }
}

export function normalizePrivateKey(text: string): string {
  return `${text.trim()}\n`;
}

export interface PublicKeyLine {
  type: string;
  /** The key blob, base64 as written. */
  blob: string;
  /** `type blob`, the comment dropped: what `authorized_keys` is searched for. */
  line: string;
}

// Key types and base64 are all a shell ever sees of an authorized key: the comment is dropped, so
// nothing a caller writes there can reach the command line.
const TYPE =
  /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Parses an OpenSSH public key line (`type base64 [comment]`); `undefined` unless ssh2 reads it. */
export function parsePublicKeyLine(text: string): PublicKeyLine | undefined {
  const [type = '', blob = ''] = text.trim().split(/\s+/);
  if (!TYPE.test(type) || !BASE64.test(blob) || blob.length > 16_384) return undefined;
  const parsed = utils.parseKey(`${type} ${blob}`);
  if (parsed instanceof Error || Array.isArray(parsed) || parsed.type !== type) return undefined;
  return { type, blob, line: `${type} ${blob}` };
}

/** True when `text` is an unencrypted private key ssh2 can log in with. */
export function isUsablePrivateKey(text: string): boolean {
  const parsed = utils.parseKey(text);
  return !(parsed instanceof Error) && !Array.isArray(parsed) && parsed.isPrivateKey();
}

/** The public key line of a private key, or `undefined` when it cannot be read. */
export function publicKeyOf(privateKey: string): string | undefined {
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error || Array.isArray(parsed)) return undefined;
  return `${parsed.type} ${parsed.getPublicSSH().toString('base64')}`;
}

/** OpenSSH's fingerprint of a key blob: `SHA256:` + unpadded base64 of its SHA-256. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
