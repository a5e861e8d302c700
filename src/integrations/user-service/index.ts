export {
  CircuitBreaker,
  type CircuitBreakerOptions,
  CircuitOpenError,
  type CircuitState,
} from './circuit-breaker.js';
export {
  createUserServiceClient,
  type SyncReply,
  type UserServiceClient,
  type UserServiceClientOptions,
} from './client.js';
export { type UnavailableReason, UserServiceRejectedError, UserServiceUnavailableError } from './errors.js';
export type { HttpReply } from './http-pool.js';
export type { Category, OwnedProduct, TemplateProduct, UserProfile } from './schemas.js';
export {
  type StandardWebhookHeaders,
  signStandardWebhook,
  standardWebhookHeaders,
  type WebhookSecretFormat,
  webhookSecretProblem,
  webhookSigningKey,
} from './webhook-signature.js';
