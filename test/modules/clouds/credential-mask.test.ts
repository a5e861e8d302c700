import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../../../src/infra/crypto/secret-box.js';
import { MASK, maskCredential, maskSealed } from '../../../src/modules/clouds/credential-mask.js';

describe('cloud credential masking', () => {
  const box = new SecretBox(randomBytes(32));

  it('shows the first 6 characters and ****', () => {
    expect(maskCredential('hcloud-token-0123456789')).toBe('hcloud****');
    expect(maskCredential('abc')).toBe('abc****');
    // Characters, not UTF-16 units: an emoji is one character.
    expect(maskCredential('🔑🔑🔑🔑🔑🔑🔑')).toBe('🔑🔑🔑🔑🔑🔑****');
  });

  it('opens a sealed value to mask it; null stays null; an unopenable value is ****', () => {
    expect(maskSealed(box, box.seal('secret-value'))).toBe('secret****');
    expect(maskSealed(box, null)).toBeNull();
    const other = new SecretBox(randomBytes(32));
    expect(maskSealed(box, other.seal('secret-value'))).toBe(MASK);
    expect(maskSealed(box, Buffer.from('garbage'))).toBe(MASK);
  });
});
