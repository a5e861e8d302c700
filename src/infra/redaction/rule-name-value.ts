// Rules 1 and 2a: `NAME=value`, `NAME: value`, `"NAME": "value"` for secret names, and the credential
// of `Authorization: <scheme> <credential>`. One left-to-right pass: every character is looked at a
// bounded number of times (a name is read once, the separator and value once), so the cost is linear.
import { isAlnum, isNameChar, isQuote, isSpace, skipWhile } from './chars.js';
import { type NameKind, NOT_SECRETS } from './secret-names.js';
import type { SecretSpan } from './spans.js';

const BACKSLASH = 92;
const NEWLINE = 10;

/** Scheme words that are no secret on their own (`Authorization: Basic` with nothing after it). */
const AUTH_SCHEMES = new Set([
  'basic',
  'bearer',
  'digest',
  'token',
  'bot',
  'negotiate',
  'ntlm',
  'apikey',
  'hoba',
  'mutual',
  'dpop',
  'aws4-hmac-sha256',
]);

const isHorizontalSpace = (c: number): boolean => c === 32 || c === 9;

/** Where an unquoted value stops: whitespace, quotes and the separators of query strings and lists. */
function isValueEnd(c: number): boolean {
  return isSpace(c) || isQuote(c) || c === 44 || c === 59 || c === 38 || c === 125; // , ; & }
}

const isSchemeChar = (c: number): boolean => isAlnum(c) || c === 45;

/**
 * Reads what follows a name: an optional closing quote of a quoted key, `=`, `:` or `:=`, and spaces.
 * Returns the index of the value, or -1 when the name is not followed by a separator.
 */
function readSeparator(s: string, nameStart: number, nameEnd: number): number {
  let j = nameEnd;
  const open = nameStart > 0 ? s.charCodeAt(nameStart - 1) : -1;
  if (isQuote(open) && s.charCodeAt(j) === open) {
    j++;
  } else if (
    isQuote(open) &&
    s.charCodeAt(nameStart - 2) === BACKSLASH &&
    s.charCodeAt(j) === BACKSLASH &&
    s.charCodeAt(j + 1) === open
  ) {
    j += 2; // a JSON document escaped inside a string: {\"password\":\"x\"}
  }
  j = skipWhile(s, j, isHorizontalSpace);
  const c = s.charCodeAt(j);
  if (c === 61) {
    if (s.charCodeAt(j + 1) === 61 || s.charCodeAt(j + 1) === 62) return -1; // `==`, `=>`
    j++;
  } else if (c === 58) {
    j++;
    if (s.charCodeAt(j) === 61) j++;
    else if (s.charCodeAt(j) === 58 || (s.charCodeAt(j) === 47 && s.charCodeAt(j + 1) === 47)) return -1; // `::`, `://`
  } else {
    return -1;
  }
  return skipWhile(s, j, isHorizontalSpace);
}

interface Region {
  start: number;
  end: number;
  resume: number;
}

/** A quoted value (`"…"`, `'…'`, or an escaped `\"…\"`), up to its closing quote or the end of the line. */
function readQuoted(s: string, j: number): Region | undefined {
  const c = s.charCodeAt(j);
  const escaped = c === BACKSLASH && isQuote(s.charCodeAt(j + 1));
  if (!escaped && !isQuote(c)) return undefined;
  const quote = escaped ? s.charCodeAt(j + 1) : c;
  let k = escaped ? j + 2 : j + 1;
  const start = k;
  while (k < s.length) {
    const ch = s.charCodeAt(k);
    if (ch === NEWLINE) return { start, end: k, resume: k };
    if (ch === BACKSLASH) {
      if (escaped && s.charCodeAt(k + 1) === quote) return { start, end: k, resume: k + 2 };
      k += 2;
      continue;
    }
    if (!escaped && ch === quote) return { start, end: k, resume: k + 1 };
    k++;
  }
  return { start, end: s.length, resume: s.length };
}

/** An unquoted value; a `${…}` reference inside it is read whole, so `${A:-x,y}` is one value. */
function readBare(s: string, j: number): Region {
  let k = j;
  while (k < s.length) {
    const c = s.charCodeAt(k);
    if (c === 36 && s.charCodeAt(k + 1) === 123) {
      k += 2;
      while (k < s.length) {
        const d = s.charCodeAt(k);
        if (d === 125) {
          k++;
          break;
        }
        if (d === NEWLINE || isQuote(d)) break;
        k++;
      }
      continue;
    }
    if (isValueEnd(c)) break;
    k++;
  }
  return { start: j, end: k, resume: k };
}

/**
 * The secret part of an Authorization value in `[a, b)`: what follows the scheme word, or the whole
 * value when there is no scheme; nothing for a scheme alone.
 */
export function authorizationCredential(s: string, a: number, b: number): [number, number] | undefined {
  let w = a;
  while (w < b && !isSpace(s.charCodeAt(w))) w++;
  if (w === a) return undefined;
  let c = w;
  while (c < b && isSpace(s.charCodeAt(c))) c++;
  let e = b;
  while (e > c && isSpace(s.charCodeAt(e - 1))) e--;
  let schemeLike = true;
  for (let k = a; k < w && schemeLike; k++) schemeLike = isSchemeChar(s.charCodeAt(k));
  if (schemeLike && c < e) return [c, e];
  if (schemeLike && AUTH_SCHEMES.has(s.slice(a, w).toLowerCase())) return undefined;
  return [a, w];
}

/** Adds the spans of rules 1 and 2a in `s` to `out`. */
export function findNameValueSpans(
  s: string,
  classify: (name: string) => NameKind | undefined,
  out: SecretSpan[],
): void {
  let i = 0;
  while (i < s.length) {
    if (!isNameChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i = skipWhile(s, i, isNameChar);
    const valueAt = readSeparator(s, start, i);
    if (valueAt < 0) continue;
    // `scheme://user:password@host` belongs to the URL rule, which keeps the user and the host, and
    // `${NAME:-default}` is a shell reference, not a `NAME: value` pair.
    if (start >= 3 && s.startsWith('://', start - 3)) continue;
    if (start >= 2 && s.startsWith('${', start - 2)) continue;
    const kind = classify(s.slice(start, i));
    if (kind === undefined) continue;
    const quoted = readQuoted(s, valueAt);
    if (kind === 'secret') {
      const region = quoted ?? readBare(s, valueAt);
      if (region.end > region.start && !NOT_SECRETS.has(s.slice(region.start, region.end))) {
        out.push({ start: region.start, end: region.end, rule: 'name-value' });
      }
      i = Math.max(i, region.resume);
      continue;
    }
    // Authorization: an unquoted value runs to the end of the line (or a quote), because the
    // credential follows a scheme word and may itself contain `,` (AWS4 `Credential=…, Signature=…`).
    let end = valueAt;
    if (!quoted) while (end < s.length && s.charCodeAt(end) !== NEWLINE && !isQuote(s.charCodeAt(end))) end++;
    const region = quoted ?? { start: valueAt, end, resume: end };
    const cred = authorizationCredential(s, region.start, region.end);
    if (cred) out.push({ start: cred[0], end: cred[1], rule: 'authorization' });
    i = Math.max(i, quoted ? region.resume : (cred?.[1] ?? region.start));
  }
}
