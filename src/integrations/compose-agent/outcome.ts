import { AppError, type FieldError } from '../../infra/http/errors.js';

/*
 * What one call to a compose agent came to, and the reply Stacker gives for it (compose-agent.md,
 * "Stacker's compose routes map to it"). The client never throws for a reply or a network failure; the
 * caller switches on `kind`, records success or failure for capabilities, and turns failures into
 * problems with `toAppError`.
 */

/** The agent's 200 body: `{command_id, status, result, error, completed_at, errors?, executed_by, ...}`. */
export interface ComposeReply {
  command_id?: unknown;
  status?: unknown;
  result?: unknown;
  error?: unknown;
  completed_at?: unknown;
  errors?: unknown;
  executed_by?: unknown;
  [key: string]: unknown;
}

/** Why no answer came back. All of them make capabilities say `fallback_reason: "unreachable"`. */
export type UnreachableReason =
  /** The stored URL no longer passes the URL check (not http/https, not a base URL). */
  | 'invalid_url'
  /** The URL's IP literal, or an address its host name resolved to, is in a blocked range. */
  | 'blocked'
  | 'dns'
  | 'refused'
  /** No TCP/TLS connection within the connect timeout (a dropped SYN, an unrouted network). */
  | 'connect_timeout'
  /** Anything else below HTTP: reset, closed socket, TLS failure. */
  | 'network';

export type ComposeFailure =
  /** A 200 that reports a failure, or 400/401/403/409/500 or another unexpected status. */
  | { kind: 'agent_failed'; status: number; errors: unknown[]; error: string | null }
  | { kind: 'rate_limited' }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; reason: UnreachableReason };

export type ComposeResult = { kind: 'ok'; result: unknown; reply: ComposeReply } | ComposeFailure;

/** Identifies the call in the audit log and in the agent's own log. */
export interface CallIds {
  commandId: string;
  requestId: string;
}

export type ComposeOutcome = ComposeResult & CallIds;

/** The compose agent's own throttle is per agent id and per minute, so a minute always clears it. */
export const COMPOSE_RETRY_AFTER_SECS = 60;

export interface ToAppErrorOptions {
  /** Applied to the agent's error strings before they reach the client (the server's redactor). */
  redact?: (text: string) => string;
}

/** The problem Stacker answers for a failed compose call. */
export function toAppError(outcome: ComposeFailure, options: ToAppErrorOptions = {}): AppError {
  const redact = options.redact ?? ((text: string) => text);
  switch (outcome.kind) {
    case 'agent_failed': {
      const errors: FieldError[] = outcome.errors.map((e) => ({
        path: 'compose_agent',
        message: redact(describe(e)),
      }));
      const error = outcome.error === null ? null : redact(outcome.error);
      return new AppError(
        502,
        'compose_agent_error',
        error === null
          ? 'The compose agent reported a failure.'
          : `The compose agent reported a failure: ${error}`,
        { compose_agent_status: outcome.status, compose_agent_error: error },
        errors,
      );
    }
    case 'rate_limited':
      return new AppError(
        429,
        'rate_limited',
        'The compose agent is throttling requests; retry later.',
        {},
        undefined,
        { 'retry-after': String(COMPOSE_RETRY_AFTER_SECS) },
      );
    case 'timeout':
      return new AppError(504, 'compose_agent_timeout', 'The compose agent did not answer in time.');
    case 'unreachable':
      // The reason stays in the logs: whether an address was blocked is none of the caller's business.
      return new AppError(503, 'compose_agent_unreachable', 'The compose agent cannot be reached.');
  }
}

function describe(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (typeof entry === 'object' && entry !== null) {
    const message = (entry as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return JSON.stringify(entry) ?? String(entry);
}
