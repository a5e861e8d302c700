// Rule 2b: bearer credentials outside an Authorization field, `Basic` credentials that decode to
// `user:password`, and bare JWTs. Hand-written scans: each candidate is read once from its start and
// the next search begins after what was read, so the whole pass is linear in the input.
import {
  isBase64Url,
  isDigit,
  isLower,
  isToken68,
  isUpper,
  isWord,
  skipWhile,
  startsWithIgnoreCase,
} from './chars.js';
import type { SecretSpan } from './spans.js';

const isHorizontalSpace = (c: number): boolean => c === 32 || c === 9;
const isBase64 = (c: number): boolean =>
  isDigit(c) || isUpper(c) || isLower(c) || c === 43 || c === 47 || c === 61;

/**
 * A random credential has digits or symbols (or is long); `Bearer authentication failed` is prose.
 * Short tokens are ignored for the same reason.
 */
function looksLikeCredential(s: string, a: number, b: number): boolean {
  if (b - a < 8) return false;
  if (b - a >= 20) return true;
  for (let k = a; k < b; k++) if (!isUpper(s.charCodeAt(k)) && !isLower(s.charCodeAt(k))) return true;
  return false;
}

/** `Basic <base64>` is a secret when the base64 decodes to printable `user:password`. */
function isBasicCredential(token: string): boolean {
  if (token.length < 8) return false;
  const decoded = Buffer.from(token, 'base64').toString('latin1');
  if (!decoded.includes(':')) return false;
  for (let k = 0; k < decoded.length; k++) {
    const c = decoded.charCodeAt(k);
    if (c < 32 || c === 127) return false;
  }
  return true;
}

function findSchemeSpans(s: string, out: SecretSpan[]): void {
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    // Only a `b`/`B` at the start of a word can open `bearer` or `basic`.
    if ((c !== 98 && c !== 66) || (i > 0 && isWord(s.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const bearer = startsWithIgnoreCase(s, i, 'bearer');
    const basic = !bearer && startsWithIgnoreCase(s, i, 'basic');
    if (!bearer && !basic) {
      i++;
      continue;
    }
    const afterWord = i + (bearer ? 6 : 5);
    const tokenStart = skipWhile(s, afterWord, isHorizontalSpace);
    if (tokenStart === afterWord) {
      i = afterWord;
      continue;
    }
    const tokenEnd = skipWhile(s, tokenStart, bearer ? isToken68 : isBase64);
    if (
      bearer ? looksLikeCredential(s, tokenStart, tokenEnd) : isBasicCredential(s.slice(tokenStart, tokenEnd))
    ) {
      out.push({ start: tokenStart, end: tokenEnd, rule: 'bearer' });
    }
    i = Math.max(tokenEnd, afterWord);
  }
}

/** `eyJ<header>.<payload>.<signature>`: base64url segments, the signature possibly empty (`alg: none`). */
function findJwtSpans(s: string, out: SecretSpan[]): void {
  let from = 0;
  for (;;) {
    const at = s.indexOf('eyJ', from);
    if (at < 0) return;
    if (at > 0 && isBase64Url(s.charCodeAt(at - 1))) {
      from = skipWhile(s, at, isBase64Url);
      continue;
    }
    const headerEnd = skipWhile(s, at, isBase64Url);
    if (headerEnd - at < 10 || s.charCodeAt(headerEnd) !== 46) {
      from = headerEnd;
      continue;
    }
    const payloadEnd = skipWhile(s, headerEnd + 1, isBase64Url);
    if (payloadEnd - headerEnd - 1 < 2 || s.charCodeAt(payloadEnd) !== 46) {
      from = headerEnd + 1;
      continue;
    }
    const end = skipWhile(s, payloadEnd + 1, isBase64Url);
    out.push({ start: at, end, rule: 'jwt' });
    from = end;
  }
}

export function findTokenSpans(s: string, out: SecretSpan[]): void {
  findSchemeSpans(s, out);
  findJwtSpans(s, out);
}
