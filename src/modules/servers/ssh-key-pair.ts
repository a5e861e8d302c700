import { generateKeyPairSync, randomBytes } from 'node:crypto';

/*
 * Ed25519 key pairs in OpenSSH's own formats. Node's crypto generates the key but only exports PKCS8 or
 * JWK; the Install Service and the agent write the private key to a file `ssh` reads, and `ssh` wants
 * the "openssh-key-v1" container (PROTOCOL.key in OpenSSH's sources). Unencrypted keys only, so the
 * format is small enough to write here rather than pull a library in for it.
 */

export interface SshKeyPair {
  /** `ssh-ed25519 AAAA… comment` */
  publicKey: string;
  /** `-----BEGIN OPENSSH PRIVATE KEY-----` …, ending in exactly one newline (ssh refuses a file without it). */
  privateKey: string;
}

const KEY_TYPE = 'ssh-ed25519';

function sshString(data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

export function generateSshKeyPair(comment = 'stacker'): SshKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const pub = Buffer.from(String(publicKey.export({ format: 'jwk' }).x), 'base64url');
  const seed = Buffer.from(String(jwk.d), 'base64url');
  const publicBlob = Buffer.concat([sshString(KEY_TYPE), sshString(pub)]);

  // Two equal random words let a reader tell a wrong passphrase from a corrupt key.
  const check = randomBytes(4);
  let section = Buffer.concat([
    check,
    check,
    sshString(KEY_TYPE),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(comment),
  ]);
  // Padded with 1, 2, 3, … to the cipher block size ("none" has 8).
  const padLength = (8 - (section.length % 8)) % 8;
  section = Buffer.concat([section, Buffer.from(Array.from({ length: padLength }, (_, i) => i + 1))]);

  const container = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(publicBlob),
    sshString(section),
  ]);
  const lines = container.toString('base64').match(/.{1,70}/g) ?? [];
  return {
    publicKey: `${KEY_TYPE} ${publicBlob.toString('base64')} ${comment}`,
    privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`,
  };
}

/** A private key as a key file needs it: trimmed, ending in exactly one newline. */
export function keyFileText(privateKey: string): string {
  return `${privateKey.trim()}\n`;
}
