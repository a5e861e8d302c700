import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ComposeAgentPeerState } from './state.js';

/*
 * The compose agent's checks on `POST /api/v1/commands/execute`, in the agent's order: agent id (401),
 * rate limit per agent id (429), timestamp skew and signature (401), request id present (400) and not
 * seen within the replay window (409). Written against node:crypto directly rather than with Stacker's
 * signing helper, so a mistake in Stacker's signing cannot be mirrored here and go unnoticed.
 */

export type Verdict = { ok: true } | { ok: false; status: number; error: string };

const STANDARD_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function verifyExecuteRequest(
  state: ComposeAgentPeerState,
  headers: Record<string, string>,
  rawBody: Buffer,
): Verdict {
  const agentId = headers['x-agent-id'];
  if (agentId === undefined || !sameText(agentId, state.agentId)) {
    return refuse(401, 'Invalid or missing X-Agent-Id');
  }
  if (!state.allowCall(agentId)) return refuse(429, 'rate limited');

  const timestamp = headers['x-timestamp'];
  if (timestamp === undefined) return refuse(401, 'invalid signature: missing X-Timestamp');
  if (!/^-?\d{1,15}$/.test(timestamp)) return refuse(401, 'invalid signature: invalid X-Timestamp');
  const skew = Math.abs(Math.floor(state.now() / 1000) - Number(timestamp));
  if (skew > state.maxSkewSecs) return refuse(401, 'invalid signature: stale request (timestamp skew)');

  const signature = headers['x-agent-signature'];
  if (signature === undefined) return refuse(401, 'invalid signature: missing X-Agent-Signature');
  if (!signatureMatches(signature, state.token, rawBody)) {
    return refuse(401, 'invalid signature: signature mismatch');
  }

  const requestId = headers['x-request-id'];
  if (requestId === undefined || requestId === '') return refuse(400, 'missing X-Request-Id');
  if (!state.rememberRequestId(requestId)) return refuse(409, 'replay detected');
  return { ok: true };
}

/**
 * Standard base64 only. A hex signature is made of base64 characters too, so it decodes — to 48 bytes
 * instead of 32 — and fails the comparison, which is how the real agent ends up refusing hex.
 */
function signatureMatches(signature: string, token: string, body: Buffer): boolean {
  if (signature.length % 4 !== 0 || !STANDARD_BASE64.test(signature)) return false;
  const given = Buffer.from(signature, 'base64');
  const expected = createHmac('sha256', token).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function refuse(status: number, error: string): Verdict {
  return { ok: false, status, error };
}
