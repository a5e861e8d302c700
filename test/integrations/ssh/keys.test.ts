import { expect, it } from 'vitest';
import {
  generateEd25519KeyPair,
  isUsablePrivateKey,
  parsePublicKeyLine,
  publicKeyOf,
} from '../../../src/integrations/ssh/keys.js';

it('generates only pairs that read back: 1,000 in a row, public and private', () => {
  // The underlying generator writes about 1 pair in 200 with a 31-byte public key; none may get out.
  for (let i = 0; i < 1_000; i++) {
    const pair = generateEd25519KeyPair(`key-${i}`);
    const line = parsePublicKeyLine(pair.publicKey);
    expect(line, pair.publicKey).toBeDefined();
    expect(isUsablePrivateKey(pair.privateKey)).toBe(true);
    expect(publicKeyOf(pair.privateKey)).toBe(line!.line);
  }
});
