import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export type WebhookVerdict =
  | { ok: true }
  | { ok: false; reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature' };

/**
 * Verifies a marketplace webhook the way a receiver would: with the official `standardwebhooks`
 * package, given the secret in the form Stacker is configured with (`whsec_<base64>`, or `raw` bytes).
 */
export function createWebhookVerifier(secret: string, format: 'standard' | 'raw' = 'standard') {
  const webhook = new Webhook(
    format === 'raw' ? Buffer.from(secret, 'utf8') : secret,
    format === 'raw' ? { format: 'raw' } : {},
  );
  return (headers: Record<string, string | string[] | undefined>, body: string): WebhookVerdict => {
    const trio: Record<string, string> = {};
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const value = headers[name];
      const single = Array.isArray(value) ? value[0] : value;
      if (single !== undefined) trio[name] = single;
    }
    try {
      webhook.verify(body, trio);
      return { ok: true };
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      if (/missing required headers/i.test(error.message)) return { ok: false, reason: 'missing_headers' };
      if (/timestamp/i.test(error.message)) return { ok: false, reason: 'stale_timestamp' };
      return { ok: false, reason: 'bad_signature' };
    }
  };
}
