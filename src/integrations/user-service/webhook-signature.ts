import { createHmac, timingSafeEqual } from 'node:crypto';

// Standard Webhooks (https://www.standardwebhooks.com): the contract keys the HMAC with the configured
// secret's bytes as given (no `whsec_` base64 decoding). Written by hand because it is one HMAC and the
// reference package adds nothing Stacker needs.

export interface StandardWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature' };

export interface VerifyOptions {
  nowSecs?: number;
  /** Accepted distance between the timestamp and now, both ways (replays and skewed clocks). */
  toleranceSecs?: number;
}

type SecretKey = string | Uint8Array;

function mac(secret: SecretKey, id: string, timestampSecs: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${id}.${timestampSecs}.`).update(body).digest();
}

/** `v1,<base64 HMAC-SHA256(secret, id + "." + timestamp + "." + body)>` */
export function signStandardWebhook(
  secret: SecretKey,
  id: string,
  timestampSecs: number,
  body: string | Uint8Array,
): string {
  return `v1,${mac(secret, id, String(timestampSecs), body).toString('base64')}`;
}

export function standardWebhookHeaders(
  secret: SecretKey,
  id: string,
  timestampSecs: number,
  body: string | Uint8Array,
): StandardWebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSecs),
    'webhook-signature': signStandardWebhook(secret, id, timestampSecs, body),
  };
}

/**
 * Checks the trio against the raw body. The signature header may list several space-separated
 * signatures (a sender rotating its secret); one matching `v1` entry is enough.
 */
export function verifyStandardWebhook(
  secret: SecretKey,
  headers: Record<string, string | string[] | undefined>,
  body: string | Uint8Array,
  options: VerifyOptions = {},
): VerifyResult {
  const id = single(headers['webhook-id']);
  const timestamp = single(headers['webhook-timestamp']);
  const signatures = single(headers['webhook-signature']);
  if (!id || !timestamp || !signatures) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'stale_timestamp' };
  const nowSecs = options.nowSecs ?? Math.floor(Date.now() / 1000);
  if (Math.abs(nowSecs - Number(timestamp)) > (options.toleranceSecs ?? 300)) {
    return { ok: false, reason: 'stale_timestamp' };
  }
  const expected = mac(secret, id, timestamp, body);
  for (const entry of signatures.split(' ')) {
    const [version, encoded] = entry.split(',', 2);
    if (version !== 'v1' || encoded === undefined) continue;
    const candidate = Buffer.from(encoded, 'base64');
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) return { ok: true };
  }
  return { ok: false, reason: 'bad_signature' };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
