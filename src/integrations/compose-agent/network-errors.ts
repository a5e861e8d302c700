import type { ComposeResult, UnreachableReason } from './outcome.js';
import { ComposeAddressBlockedError } from './ssrf-guard.js';

/*
 * Sorts a failed connection by its error codes (never by message text). undici may wrap the socket's
 * error in `cause`, and Node's happy-eyeballs connect reports one error per address in an AggregateError,
 * so the whole tree is searched.
 */

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const CONNECT_TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function classifyNetworkError(err: unknown): ComposeResult {
  return { kind: 'unreachable', reason: reasonOf(err) };
}

function reasonOf(err: unknown): UnreachableReason {
  const found = collect(err);
  if (found.some((e) => e instanceof ComposeAddressBlockedError)) return 'blocked';
  const codes = new Set(
    found.map((e) => (e as { code?: unknown }).code).filter((c) => typeof c === 'string'),
  );
  if ([...codes].some((c) => DNS_CODES.has(c))) return 'dns';
  if (codes.has('ECONNREFUSED')) return 'refused';
  if ([...codes].some((c) => CONNECT_TIMEOUT_CODES.has(c))) return 'connect_timeout';
  return 'network';
}

function collect(root: unknown): object[] {
  const out: object[] = [];
  const pending: unknown[] = [root];
  // Bounded: a cause chain is short, and a cycle must not spin forever.
  while (pending.length > 0 && out.length < 32) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null || out.includes(next)) continue;
    out.push(next);
    const { cause, errors } = next as { cause?: unknown; errors?: unknown };
    pending.push(cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return out;
}
