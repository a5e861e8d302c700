import { AppError } from '../../infra/http/errors.js';

/*
 * Agent authentication answers (agent-protocol.md). The deployed agent replaces its token on any 401
 * or 403, so 401 is kept for a wrong agent or token; everything else is 400 or 409, and never 403.
 */

export const agentUnauthorized = () =>
  new AppError(401, 'agent_unauthorized', 'Unknown agent or invalid agent token.');

export const staleTimestamp = (maxSkewSecs: number) =>
  new AppError(
    400,
    'stale_timestamp',
    `X-Timestamp is missing or more than ${maxSkewSecs} seconds from the server clock.`,
  );

export const badSignature = (detail = 'X-Agent-Signature is missing or does not match the request.') =>
  new AppError(400, 'bad_signature', detail);

export const missingRequestId = () =>
  new AppError(400, 'missing_request_id', 'X-Request-Id is missing or not a short token.');

export const replayedRequest = () =>
  new AppError(409, 'replayed_request', 'This X-Request-Id was already used by this agent.');

export const wrongDeployment = () =>
  new AppError(400, 'wrong_deployment', "The deployment named in the request is not this agent's.");

export const tooManyFailures = (retryAfterSecs: number) =>
  new AppError(
    429,
    'rate_limited',
    'Too many failed agent authentications from this address.',
    {},
    undefined,
    { 'retry-after': String(retryAfterSecs) },
  );
