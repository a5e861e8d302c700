import { hmacSha256, sha256Hex, timingSafeEqualBuffers } from '../../infra/crypto/hmac.js';

/*
 * Agent request signatures (agent-protocol.md, compat with the deployed v0.2.x agent).
 * v1: HMAC-SHA256(key = token, msg = raw body), base64 — body integrity only, since the key travels
 *     beside it as the bearer.
 * v2: the same HMAC over a canonical string binding method, raw URL, timestamp, request id and body.
 */

export type SignatureVersion = 1 | 2;

export interface AgentRequestParts {
  version: SignatureVersion;
  /** The agent's token; used as the HMAC key (UTF-8). */
  token: string;
  method: string;
  /** Path with query exactly as received (`request.raw.url`). */
  rawUrl: string;
  timestamp: string | undefined;
  requestId: string | undefined;
  /** The exact body bytes received; empty for a GET. */
  body: Buffer;
}

export interface AgentSignatureCheck extends AgentRequestParts {
  signature: string | undefined;
}

export function canonicalStringV2(parts: {
  method: string;
  rawUrl: string;
  timestamp: string;
  requestId: string;
  body: Buffer;
}): string {
  return [
    'v2',
    parts.method.toUpperCase(),
    parts.rawUrl,
    parts.timestamp,
    parts.requestId,
    sha256Hex(parts.body),
  ].join('\n');
}

function signedMessage(parts: AgentRequestParts): Buffer | string | undefined {
  if (parts.version === 1) return parts.body;
  if (parts.timestamp === undefined || parts.requestId === undefined) return undefined;
  return canonicalStringV2({ ...parts, timestamp: parts.timestamp, requestId: parts.requestId });
}

/** The signature the agent sends (standard base64 with padding). */
export function signAgentRequest(parts: AgentRequestParts): string {
  const message = signedMessage(parts);
  if (message === undefined) throw new TypeError('a v2 signature needs a timestamp and a request id');
  return hmacSha256(parts.token, message).toString('base64');
}

const HEX_RE = /^[0-9a-fA-F]{64}$/;
// 32 bytes in standard base64: 43 characters then one padding '=' (tolerated when missing).
const BASE64_RE = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=?$/;

function decodeSignature(signature: string): Buffer | undefined {
  const text = signature.trim();
  if (HEX_RE.test(text)) return Buffer.from(text, 'hex');
  if (BASE64_RE.test(text)) return Buffer.from(text, 'base64');
  return undefined;
}

export function verifyAgentSignature(check: AgentSignatureCheck): boolean {
  if (check.signature === undefined) return false;
  const given = decodeSignature(check.signature);
  const message = signedMessage(check);
  if (given === undefined || message === undefined) return false;
  return timingSafeEqualBuffers(given, hmacSha256(check.token, message));
}

/** Absent → 1; "1" or "2" → that version; anything else → undefined (an invalid header). */
export function parseSignatureVersion(header: string | undefined): SignatureVersion | undefined {
  if (header === undefined) return 1;
  const value = header.trim();
  if (value === '1') return 1;
  if (value === '2') return 2;
  return undefined;
}

const UNIX_SECONDS_RE = /^\d{1,12}$/;

/** `ts` must be decimal Unix seconds within `maxSkewSecs` of `nowSecs`, either side. */
export function isTimestampFresh(ts: string | undefined, nowSecs: number, maxSkewSecs: number): boolean {
  if (ts === undefined) return false;
  const value = ts.trim();
  if (!UNIX_SECONDS_RE.test(value)) return false;
  return Math.abs(Number(value) - nowSecs) <= maxSkewSecs;
}
