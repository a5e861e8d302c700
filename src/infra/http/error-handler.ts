import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isPgError, isTransientDbError, SQLSTATE } from '../db/sqlstate.js';
import { AppError, type FieldError } from './errors.js';
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js';

/** Errors from other modules that know their own HTTP meaning (e.g. a dependency being down). */
export interface HttpMappedError {
  toAppError(): AppError;
}

const isHttpMapped = (e: unknown): e is HttpMappedError =>
  typeof e === 'object' && e !== null && typeof (e as { toAppError?: unknown }).toAppError === 'function';

/**
 * A value the client sent that Postgres refused: every data exception (class 22: bad text representation,
 * NUL or untranslatable characters, bad dates, overflow...), a value too large for what stores it
 * (class 54, e.g. an index row), and the constraints a value breaks. The input guard catches most of these
 * first; this is the safety net, so a value never turns into a 500.
 */
const isBadValueState = (code: string) =>
  code.startsWith('22') ||
  code.startsWith('54') ||
  code === SQLSTATE.notNullViolation ||
  code === SQLSTATE.checkViolation;

function fieldPath(context: string | undefined, instancePath: string): string {
  const rest = instancePath.replace(/^\//, '').replace(/\//g, '.');
  return [context ?? 'body', rest].filter(Boolean).join('.');
}

/** Maps anything thrown by a route to the AppError the client sees. */
export function toAppError(error: unknown): { appError: AppError; log: 'none' | 'warn' | 'error' } {
  if (error instanceof AppError) return { appError: error, log: error.status >= 500 ? 'warn' : 'none' };
  if (isHttpMapped(error)) {
    const appError = error.toAppError();
    return { appError, log: appError.status >= 500 ? 'warn' : 'none' };
  }
  const fe = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const errors: FieldError[] = fe.validation.map((v) => ({
      path: fieldPath(fe.validationContext, v.instancePath),
      message: v.message ?? 'is invalid',
    }));
    return {
      appError: new AppError(
        400,
        'validation_failed',
        errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        {},
        errors,
      ),
      log: 'none',
    };
  }
  if (isResponseSerializationError(error)) return { appError: internal(), log: 'error' };
  if (isPgError(error)) {
    if (error.code === SQLSTATE.uniqueViolation || error.code === SQLSTATE.exclusionViolation) {
      return {
        appError: new AppError(409, 'conflict', 'The resource conflicts with an existing one.'),
        log: 'warn',
      };
    }
    if (error.code === SQLSTATE.foreignKeyViolation) {
      return {
        appError: new AppError(409, 'conflict', 'A referenced resource does not exist.'),
        log: 'warn',
      };
    }
    if (isBadValueState(error.code)) {
      return {
        appError: new AppError(400, 'invalid_value', 'A value is not valid for its field.'),
        log: 'warn',
      };
    }
  }
  if (isTransientDbError(error)) {
    return {
      appError: new AppError(
        503,
        'database_unavailable',
        'The database is temporarily unavailable; retry shortly.',
        {},
        undefined,
        {
          'retry-after': '2',
        },
      ),
      log: 'error',
    };
  }
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    if (status === 413) {
      return {
        appError: new AppError(413, 'payload_too_large', 'The request body is too large.'),
        log: 'none',
      };
    }
    if (status === 415) {
      return {
        appError: new AppError(415, 'unsupported_media_type', 'The request content type is not supported.'),
        log: 'none',
      };
    }
    if (
      fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      return {
        appError: new AppError(400, 'malformed_json', 'The request body is not valid JSON.'),
        log: 'none',
      };
    }
    if (status === 429) {
      return { appError: new AppError(429, 'rate_limited', fe.message || 'Too many requests.'), log: 'none' };
    }
    return {
      appError: new AppError(status, 'bad_request', fe.message || 'The request is not valid.'),
      log: 'none',
    };
  }
  return { appError: internal(), log: 'error' };
}

const internal = () =>
  new AppError(500, 'internal_error', 'An unexpected error occurred. It has been logged.');

export function sendProblem(reply: FastifyReply, appError: AppError) {
  for (const [name, value] of Object.entries(appError.headers)) reply.header(name, value);
  return reply
    .code(appError.status)
    .type(PROBLEM_CONTENT_TYPE)
    .serializer(JSON.stringify)
    .send(problem(appError.status, appError.code, appError.detail, appError.extras, appError.errors));
}

/** The one error handler and the 404 handler: every failure leaves as application/problem+json. */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
      const { appError, log } = toAppError(error);
      if (log === 'error') request.log.error({ err: error }, 'request failed');
      else if (log === 'warn') request.log.warn({ err: error, code: appError.code }, 'request failed');
      return sendProblem(reply, appError);
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(
        reply,
        new AppError(404, 'not_found', `Route ${request.method} ${request.url.split('?')[0]} not found.`),
      ),
    );
  },
  { name: 'error-handler' },
);
