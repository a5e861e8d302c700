import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../../infra/clock.js';
import { isUuid } from '../../infra/identifiers.js';
import { OUTBOX_TOPICS } from '../../infra/outbox/outbox-writer.js';
import { parseRetryAfter } from '../../infra/outbox/retry-schedule.js';
import { type DeliveryOutcome, type OutboxSender, truncateError } from '../../infra/outbox/sender.js';
import type { SyncReply, UserServiceClient } from './client.js';
import { UserServiceUnavailableError } from './errors.js';
import { standardWebhookHeaders, type WebhookSecretFormat, webhookSigningKey } from './webhook-signature.js';

export interface MarketplaceSyncSenderOptions {
  client: Pick<UserServiceClient, 'postMarketplaceSync'>;
  /** `STACKER_WEBHOOK_SECRET`: when set, every call carries the Standard Webhooks signature trio. */
  webhookSecret: string | undefined;
  /** `STACKER_WEBHOOK_SECRET_FORMAT`: `standard` (`whsec_<base64>`, the default) or `raw`. */
  webhookSecretFormat?: WebhookSecretFormat;
  clock: Clock;
  /**
   * Keeps the User Service's product id on the template (the templates module owns that table);
   * called only after a 2xx that carries one.
   */
  recordProductId?: (templateId: string, productId: string) => Promise<void>;
}

// Besides 5xx: a timeout, throttling, and credentials the service does not take yet (a token being
// rotated, a client not yet provisioned) are all expected to pass; other 4xx will fail the same way again.
const RETRIED_4XX = new Set([401, 403, 408, 429]);

/** Classifies a reply exactly as `user-service.md` says ("Marketplace sync webhook", Delivery). */
export function classifySyncReply(reply: SyncReply, now: Date): DeliveryOutcome {
  const { status } = reply;
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  const error = truncateError(`HTTP ${status}: ${reply.bodyText}`);
  if (status >= 400 && status < 500 && !RETRIED_4XX.has(status)) return { kind: 'dead', status, error };
  // 5xx, the retried 4xx, and anything else odd (1xx, a redirect): wait and try again, never lose it.
  const retryAfterMs = parseRetryAfter(reply.headers['retry-after'], now);
  return retryAfterMs === undefined
    ? { kind: 'retry', status, error }
    : { kind: 'retry', status, error, retryAfterMs };
}

/** `product_id` from a 2xx body, if it has one; an unreadable body still counts as delivered. */
function productIdOf(bodyText: string): string | undefined {
  try {
    const body = JSON.parse(bodyText) as unknown;
    if (typeof body !== 'object' || body === null) return undefined;
    const id = (body as { product_id?: unknown }).product_id;
    return typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sender of `user_service.marketplace_sync`: POSTs the stored body to `/marketplace/sync` with the
 * service bearer (the client adds it), `Idempotency-Key: <event id>` and, when a secret is set, the
 * signature headers; the client bounds the call at 10 s.
 */
export function createMarketplaceSyncSender(options: MarketplaceSyncSenderOptions): OutboxSender {
  const key =
    options.webhookSecret === undefined
      ? undefined
      : webhookSigningKey(options.webhookSecret, options.webhookSecretFormat ?? 'standard');
  return {
    async send(event) {
      // The outbox id is the event id (data-model.md): the body, the key and the signature id all agree.
      const body = JSON.stringify({ ...event.payload, event_id: event.id });
      const now = options.clock.now();
      const headers: Record<string, string> = { 'idempotency-key': event.id };
      if (key !== undefined) {
        Object.assign(headers, standardWebhookHeaders(key, event.id, Math.floor(now.getTime() / 1000), body));
      }
      let reply: SyncReply;
      try {
        reply = await options.client.postMarketplaceSync(body, headers);
      } catch (err) {
        if (!(err instanceof UserServiceUnavailableError)) throw err;
        const outcome: DeliveryOutcome = { kind: 'retry', error: `${err.reason}: ${err.message}` };
        return err.status === undefined ? outcome : { ...outcome, status: err.status };
      }
      const outcome = classifySyncReply(reply, now);
      if (outcome.kind === 'delivered') {
        const productId = productIdOf(reply.bodyText);
        const templateId = event.payload.stack_template_id ?? event.payload.external_id;
        if (productId !== undefined && typeof templateId === 'string' && isUuid(templateId)) {
          // A failure here throws: the relay retries, the receiver dedupes on event_id and answers the
          // same product id, so the link is eventually recorded.
          await options.recordProductId?.(templateId, productId);
        }
      }
      return outcome;
    },
  };
}

/** Plugs the marketplace sender into this instance's relay, using the process's User Service client. */
export const marketplaceSyncPlugin = fp(
  async (app: FastifyInstance, options: Pick<MarketplaceSyncSenderOptions, 'recordProductId'>) => {
    app.outbox.registerSender(
      OUTBOX_TOPICS.marketplaceSync,
      createMarketplaceSyncSender({
        client: app.userService,
        webhookSecret: app.config.userService.webhookSecret,
        webhookSecretFormat: app.config.userService.webhookSecretFormat,
        clock: app.clock,
        recordProductId: options.recordProductId,
      }),
    );
  },
  { name: 'marketplace-sync-sender', dependencies: ['outbox'] },
);
