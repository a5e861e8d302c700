import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/*
 * Ciphertext layout (self-describing, so a stored value can always be opened after a key rotation):
 *   version (1 byte) | key id (4 bytes) | nonce (12 bytes) | GCM tag (16 bytes) | encrypted data
 * The key id is the first 4 bytes of SHA-256(key); version and key id are bound as additional
 * authenticated data, so a header cannot be swapped without the tag failing.
 */
const VERSION = 1;
const KEY_BYTES = 32;
const KEY_ID_BYTES = 4;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const MIN_CIPHERTEXT_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BYTES;

export type SecretBoxErrorCode =
  | 'invalid_key'
  | 'malformed'
  | 'unsupported_version'
  | 'unknown_key'
  | 'tampered';

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface BoxKey {
  readonly key: Buffer;
  readonly id: Buffer;
}

function toBoxKey(key: Buffer, name: string): BoxKey {
  if (key.length !== KEY_BYTES) {
    throw new SecretBoxError('invalid_key', `${name} must be ${KEY_BYTES} bytes, got ${key.length}`);
  }
  return { key: Buffer.from(key), id: createHash('sha256').update(key).digest().subarray(0, KEY_ID_BYTES) };
}

export class SecretBox {
  readonly #current: BoxKey;
  readonly #keys: BoxKey[];

  constructor(currentKey: Buffer, previousKey?: Buffer) {
    this.#current = toBoxKey(currentKey, 'current key');
    this.#keys = [this.#current];
    if (previousKey && !previousKey.equals(currentKey)) {
      const previous = toBoxKey(previousKey, 'previous key');
      if (previous.id.equals(this.#current.id)) {
        // Two different keys with the same 4-byte id would make opening ambiguous; refuse up front.
        throw new SecretBoxError('invalid_key', 'current and previous keys have colliding key ids');
      }
      this.#keys.push(previous);
    }
  }

  /** Hex id of the key new ciphertexts are sealed with (safe to log: it is not the key). */
  get keyId(): string {
    return this.#current.id.toString('hex');
  }

  seal(plaintext: string | Buffer): Buffer {
    const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    const header = Buffer.concat([Buffer.from([VERSION]), this.#current.id]);
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(header);
    const encrypted = Buffer.concat([cipher.update(data), cipher.final()]);
    return Buffer.concat([header, nonce, cipher.getAuthTag(), encrypted]);
  }

  open(ciphertext: Buffer): Buffer {
    if (!Buffer.isBuffer(ciphertext) || ciphertext.length < MIN_CIPHERTEXT_BYTES) {
      throw new SecretBoxError('malformed', 'ciphertext is too short');
    }
    if (ciphertext[0] !== VERSION) {
      throw new SecretBoxError('unsupported_version', `unsupported ciphertext version ${ciphertext[0]}`);
    }
    const header = ciphertext.subarray(0, HEADER_BYTES);
    const keyId = header.subarray(1);
    const boxKey = this.#keys.find((k) => k.id.equals(keyId));
    if (!boxKey) {
      throw new SecretBoxError(
        'unknown_key',
        `ciphertext was sealed with unknown key ${keyId.toString('hex')}`,
      );
    }
    const nonce = ciphertext.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
    const tag = ciphertext.subarray(HEADER_BYTES + NONCE_BYTES, MIN_CIPHERTEXT_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', boxKey.key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext.subarray(MIN_CIPHERTEXT_BYTES)), decipher.final()]);
    } catch {
      throw new SecretBoxError('tampered', 'ciphertext failed authentication');
    }
  }

  openString(ciphertext: Buffer): string {
    return this.open(ciphertext).toString('utf8');
  }

  sealJson(value: unknown): Buffer {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('sealJson needs a JSON-serialisable value');
    return this.seal(json);
  }

  openJson<T = unknown>(ciphertext: Buffer): T {
    return JSON.parse(this.openString(ciphertext)) as T;
  }

  /** True when `ciphertext` was sealed with an older key and should be re-sealed. */
  needsReseal(ciphertext: Buffer): boolean {
    return !ciphertext.subarray(1, HEADER_BYTES).equals(this.#current.id);
  }
}

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes a base64 (standard, padded) key of exactly 32 bytes; the message never contains the value. */
export function parseSecretKey(base64: string, name = 'STACKER_SECRET_KEY'): Buffer {
  const text = base64.trim();
  if (text === '' || !BASE64_RE.test(text)) {
    throw new SecretBoxError('invalid_key', `${name} must be base64 (standard alphabet, padded)`);
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new SecretBoxError('invalid_key', `${name} must decode to ${KEY_BYTES} bytes, got ${key.length}`);
  }
  return key;
}

/**
 * Development only: reads the base64 key stored at `path`, or creates one (mode 0600, parent directory
 * created 0700). The key is written to a temporary file and hard-linked into place, which fails if the
 * file exists: two processes starting at once agree on one key and neither reads a half-written file.
 */
export async function loadOrCreateDevKey(path: string): Promise<Buffer> {
  try {
    return parseSecretKey(await readFile(path, 'utf8'), path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    // The umask can only narrow the mode; make it exactly owner read/write.
    await chmod(tmp, 0o600);
    await link(tmp, path);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return parseSecretKey(await readFile(path, 'utf8'), path);
  } finally {
    await rm(tmp, { force: true });
  }
}
