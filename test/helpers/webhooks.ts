import { randomBytes } from 'node:crypto';

/** A fresh Standard Webhooks secret in its standard form: `whsec_` + base64 of 24 random bytes. */
export function testWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}
