import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import {
  standardWebhookHeaders,
  webhookSecretProblem,
  webhookSigningKey,
} from '../../../src/integrations/user-service/webhook-signature.js';
import { testWebhookSecret } from '../../helpers/webhooks.js';

// The receiver in these tests is the official `standardwebhooks` package, used as its README says:
// `new Webhook(secret)` with the same `whsec_` string Stacker is configured with.

const body = JSON.stringify({ action: 'template_approved', event_id: 'evt-1' });
const nowSecs = () => Math.floor(Date.now() / 1000);

describe('Standard Webhooks signature (standard whsec_ secrets)', () => {
  it('is v1 and the base64 HMAC-SHA256 of id.timestamp.body under the decoded key', () => {
    const key = randomBytes(32);
    const secret = `whsec_${key.toString('base64')}`;
    const headers = standardWebhookHeaders(webhookSigningKey(secret), 'msg_1', 1_767_916_800, body);
    const independent = createHmac('sha256', key).update(`msg_1.1767916800.${body}`).digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${independent}`);
  });

  it('verifies with the official package, given the same whsec_ string', () => {
    const secret = testWebhookSecret();
    const headers = standardWebhookHeaders(webhookSigningKey(secret), 'msg_1', nowSecs(), body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('is refused by the official package for a changed body, id, timestamp or another secret', () => {
    const secret = testWebhookSecret();
    const now = nowSecs();
    const headers = standardWebhookHeaders(webhookSigningKey(secret), 'msg_1', now, body);
    const receiver = new Webhook(secret);
    expect(() => receiver.verify(`${body} `, { ...headers })).toThrow(/signature/);
    expect(() => receiver.verify(body, { ...headers, 'webhook-id': 'msg_2' })).toThrow(/signature/);
    expect(() => receiver.verify(body, { ...headers, 'webhook-timestamp': String(now + 1) })).toThrow(
      /signature/,
    );
    expect(() => new Webhook(testWebhookSecret()).verify(body, { ...headers })).toThrow(/signature/);
  });

  it('is refused by the official package when the timestamp is 5 minutes or more away', () => {
    const secret = testWebhookSecret();
    const stale = standardWebhookHeaders(webhookSigningKey(secret), 'msg_1', nowSecs() - 3600, body);
    expect(() => new Webhook(secret).verify(body, { ...stale })).toThrow(/timestamp/);
  });
});

describe('raw secrets (STACKER_WEBHOOK_SECRET_FORMAT=raw)', () => {
  it('keys the HMAC with the UTF-8 bytes, and the official package verifies in its raw mode', () => {
    const secret = 'a-receiver-that-wants-raw-bytes';
    const headers = standardWebhookHeaders(webhookSigningKey(secret, 'raw'), 'msg_1', nowSecs(), body);
    const receiver = new Webhook(Buffer.from(secret, 'utf8'), { format: 'raw' });
    expect(receiver.verify(body, { ...headers })).toEqual(JSON.parse(body));
  });
});

describe('secret validation', () => {
  it('names what is wrong with a secret that cannot be used', () => {
    expect(webhookSecretProblem(testWebhookSecret(), 'standard')).toBeUndefined();
    expect(webhookSecretProblem('not base64!', 'standard')).toMatch(/whsec_<base64>/);
    expect(webhookSecretProblem('whsec_c2hvcnQ=', 'standard')).toMatch(/at least 16/);
    expect(webhookSecretProblem('short', 'raw')).toMatch(/at least 16/);
  });

  it('stops the process at start with the variable named, not at the first webhook', () => {
    expect(() => parseConfig({ STACKER_WEBHOOK_SECRET: 'plain words' })).toThrow(/STACKER_WEBHOOK_SECRET/);
    expect(
      parseConfig({ STACKER_WEBHOOK_SECRET: 'plain words long enough', STACKER_WEBHOOK_SECRET_FORMAT: 'raw' })
        .userService.webhookSecretFormat,
    ).toBe('raw');
  });
});
