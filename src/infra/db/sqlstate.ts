/**
 * SQLSTATE codes Stacker reacts to. Errors are classified by code, never by message text
 * (messages change with the server's version and locale).
 */
export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  notNullViolation: '23502',
  checkViolation: '23514',
  exclusionViolation: '23P01',
  invalidTextRepresentation: '22P02',
  numericValueOutOfRange: '22003',
  stringDataRightTruncation: '22001',
  invalidDatetimeFormat: '22007',
  datetimeFieldOverflow: '22008',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  lockNotAvailable: '55P03',
  queryCanceled: '57014',
  adminShutdown: '57P01',
  crashShutdown: '57P02',
  cannotConnectNow: '57P03',
  tooManyConnections: '53300',
} as const;

export interface PgErrorLike {
  code: string;
  constraint?: string;
  column?: string;
  detail?: string;
  table?: string;
}

/** True for errors raised by the Postgres server (they carry a five-character SQLSTATE). */
export function isPgError(error: unknown): error is PgErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in error;
}

export function isUniqueViolation(error: unknown, constraint?: string): error is PgErrorLike {
  return (
    isPgError(error) &&
    error.code === SQLSTATE.uniqueViolation &&
    (constraint === undefined || error.constraint === constraint)
  );
}

/** Connection-class errors (08xxx), shutdowns and network failures: the request may be retried. */
export function isTransientDbError(error: unknown): boolean {
  if (isPgError(error)) {
    return (
      error.code.startsWith('08') ||
      error.code === SQLSTATE.adminShutdown ||
      error.code === SQLSTATE.crashShutdown ||
      error.code === SQLSTATE.cannotConnectNow ||
      error.code === SQLSTATE.tooManyConnections ||
      error.code === SQLSTATE.serializationFailure ||
      error.code === SQLSTATE.deadlockDetected ||
      error.code === SQLSTATE.queryCanceled
    );
  }
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT';
}
