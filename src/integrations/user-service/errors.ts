import { AppError } from '../../infra/http/errors.js';

// The HTTP layer maps these to problem replies (through `toAppError`); nothing here knows about Fastify.

/** Why the User Service could not give a usable answer (kept for logs and metrics). */
export type UnavailableReason =
  | 'network'
  | 'timeout'
  | 'status'
  | 'circuit_open'
  | 'invalid_reply'
  | 'credentials';

/** The User Service did not answer usefully: network error, timeout, 5xx, open breaker, bad reply. */
export class UserServiceUnavailableError extends Error {
  override readonly name = 'UserServiceUnavailableError';
  readonly code = 'user_service_unavailable';
  readonly reason: UnavailableReason;
  /** The HTTP status when the service did answer (a 5xx, or an unexpected 4xx on a service call). */
  readonly status: number | undefined;

  constructor(
    reason: UnavailableReason,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.status = options.status;
  }

  /** What a caller sees: a 503 to retry shortly (never a 401: an outage says nothing about the token). */
  toAppError(): AppError {
    return new AppError(503, this.code, 'The User Service is unavailable; retry shortly.', {}, undefined, {
      'retry-after': '5',
    });
  }
}

/** The User Service answered and refused the caller's credentials (401/403 from `/me`). */
export class UserServiceRejectedError extends Error {
  override readonly name = 'UserServiceRejectedError';
  readonly code = 'user_service_rejected';
  readonly status: number;

  constructor(status: number, message = `User Service rejected the token (HTTP ${status})`) {
    super(message);
    this.status = status;
  }
}
