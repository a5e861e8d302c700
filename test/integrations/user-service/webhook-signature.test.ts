import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  signStandardWebhook,
  standardWebhookHeaders,
  verifyStandardWebhook,
} from '../../../src/integrations/user-service/webhook-signature.js';

const secret = 'test-webhook-secret';
const body = JSON.stringify({ action: 'template_approved', event_id: 'evt-1' });
const now = 1_767_916_800;

describe('Standard Webhooks signature', () => {
  it('is v1 and the base64 HMAC-SHA256 of id.timestamp.body under the secret', () => {
    const signature = signStandardWebhook(secret, 'msg_1', now, body);
    const independent = createHmac('sha256', secret).update(`msg_1.${now}.${body}`).digest('base64');
    expect(signature).toBe(`v1,${independent}`);
  });

  it('verifies the trio it produced', () => {
    const headers = standardWebhookHeaders(secret, 'msg_1', now, body);
    expect(verifyStandardWebhook(secret, { ...headers }, body, { nowSecs: now })).toEqual({ ok: true });
  });

  it('refuses a changed body, id or timestamp, and another secret', () => {
    const headers = standardWebhookHeaders(secret, 'msg_1', now, body);
    const bad = { ok: false, reason: 'bad_signature' };
    expect(verifyStandardWebhook(secret, { ...headers }, `${body} `, { nowSecs: now })).toEqual(bad);
    expect(
      verifyStandardWebhook(secret, { ...headers, 'webhook-id': 'msg_2' }, body, { nowSecs: now }),
    ).toEqual(bad);
    expect(
      verifyStandardWebhook(secret, { ...headers, 'webhook-timestamp': String(now + 1) }, body, {
        nowSecs: now,
      }),
    ).toEqual(bad);
    expect(verifyStandardWebhook('other-secret', { ...headers }, body, { nowSecs: now })).toEqual(bad);
  });

  it('refuses timestamps outside the tolerance in either direction', () => {
    const headers = { ...standardWebhookHeaders(secret, 'msg_1', now, body) };
    const stale = { ok: false, reason: 'stale_timestamp' };
    expect(verifyStandardWebhook(secret, headers, body, { nowSecs: now + 301 })).toEqual(stale);
    expect(verifyStandardWebhook(secret, headers, body, { nowSecs: now - 301 })).toEqual(stale);
    expect(verifyStandardWebhook(secret, headers, body, { nowSecs: now + 300 })).toEqual({ ok: true });
  });

  it('refuses missing headers', () => {
    const { 'webhook-signature': _omitted, ...rest } = standardWebhookHeaders(secret, 'msg_1', now, body);
    expect(verifyStandardWebhook(secret, rest, body, { nowSecs: now })).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
  });

  it('accepts any matching v1 entry of a space-separated list (secret rotation)', () => {
    const headers = standardWebhookHeaders(secret, 'msg_1', now, body);
    const rotated = `${signStandardWebhook('old-secret', 'msg_1', now, body)} ${headers['webhook-signature']}`;
    expect(
      verifyStandardWebhook(secret, { ...headers, 'webhook-signature': rotated }, body, { nowSecs: now }),
    ).toEqual({
      ok: true,
    });
    const wrongVersion = headers['webhook-signature'].replace('v1,', 'v2,');
    expect(
      verifyStandardWebhook(secret, { ...headers, 'webhook-signature': wrongVersion }, body, { nowSecs: now })
        .ok,
    ).toBe(false);
  });
});
