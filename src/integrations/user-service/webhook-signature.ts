import { createHmac } from 'node:crypto';

// Standard Webhooks (https://www.standardwebhooks.com), signing side. The secret is the standard
// `whsec_<base64>` form and the HMAC key is its decoded bytes, so receivers verify with the official
// libraries as they come (decision 0012). `STACKER_WEBHOOK_SECRET_FORMAT=raw` keys the HMAC with the
// secret's UTF-8 bytes instead, for a receiver built that way. Signing is one HMAC, written here;
// verification (the emulator's) uses the official `standardwebhooks` package.

export interface StandardWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export type WebhookSecretFormat = 'standard' | 'raw';

const STANDARD_SECRET = /^(whsec_)?([A-Za-z0-9+/]+={0,2})$/;
/** The standard recommends 24 to 64 random bytes; fewer than 16 is refused as a guessable key. */
const MIN_KEY_BYTES = 16;

/** Why a secret cannot be used in the given format, or undefined when it can. */
export function webhookSecretProblem(secret: string, format: WebhookSecretFormat): string | undefined {
  if (format === 'raw')
    return secret.length >= MIN_KEY_BYTES ? undefined : `at least ${MIN_KEY_BYTES} characters`;
  const match = STANDARD_SECRET.exec(secret);
  if (!match) return 'expected whsec_<base64> (or set STACKER_WEBHOOK_SECRET_FORMAT=raw)';
  const bytes = Buffer.from(match[2]!, 'base64').length;
  return bytes >= MIN_KEY_BYTES ? undefined : `the decoded key has ${bytes} bytes; at least ${MIN_KEY_BYTES}`;
}

/** The HMAC key of a configured secret: the base64 after `whsec_`, or the raw bytes in `raw` format. */
export function webhookSigningKey(secret: string, format: WebhookSecretFormat = 'standard'): Buffer {
  const problem = webhookSecretProblem(secret, format);
  if (problem) throw new Error(`unusable webhook secret: ${problem}`);
  if (format === 'raw') return Buffer.from(secret, 'utf8');
  return Buffer.from(STANDARD_SECRET.exec(secret)![2]!, 'base64');
}

/** `v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>` */
export function signStandardWebhook(
  key: Uint8Array,
  id: string,
  timestampSecs: number,
  body: string | Uint8Array,
): string {
  const mac = createHmac('sha256', key).update(`${id}.${timestampSecs}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

export function standardWebhookHeaders(
  key: Uint8Array,
  id: string,
  timestampSecs: number,
  body: string | Uint8Array,
): StandardWebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSecs),
    'webhook-signature': signStandardWebhook(key, id, timestampSecs, body),
  };
}
