/**
 * Errors that reach a client. Code throws these with a stable snake_case `code`; the one error handler
 * turns them into problem+json. Status codes are chosen here, never by matching message text.
 */
export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** Extra members of the problem body (e.g. price on a 402). */
    readonly extras: Record<string, unknown> = {},
    readonly errors?: FieldError[],
    /** Response headers (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const badRequest = (
  code: string,
  detail: string,
  errors?: FieldError[],
  extras?: Record<string, unknown>,
) => new AppError(400, code, detail, extras, errors);

export const validationFailed = (errors: FieldError[]) =>
  new AppError(400, 'validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {}, errors);

export const unauthorized = (code = 'unauthorized', detail = 'Authentication is required.') =>
  new AppError(401, code, detail);

export const forbidden = (code = 'forbidden', detail = 'You are not allowed to do this.') =>
  new AppError(403, code, detail);

export const notFound = (what = 'Resource', code = 'not_found') =>
  new AppError(404, code, `${what} not found.`);

export const conflict = (code: string, detail: string, extras?: Record<string, unknown>) =>
  new AppError(409, code, detail, extras);

export const unprocessable = (
  code: string,
  detail: string,
  extras?: Record<string, unknown>,
  errors?: FieldError[],
) => new AppError(422, code, detail, extras, errors);

export const serviceUnavailable = (code: string, detail: string, retryAfterSecs?: number) =>
  new AppError(
    503,
    code,
    detail,
    {},
    undefined,
    retryAfterSecs ? { 'retry-after': String(retryAfterSecs) } : {},
  );
