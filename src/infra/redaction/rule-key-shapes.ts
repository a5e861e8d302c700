// Rule 5 and the configured extra prefixes: tokens recognised by a literal prefix and the characters
// that follow it. Every prefix is a literal found with `indexOf`, never a regular expression, so no
// configuration can make the redactor slow (`LOG_REDACT_EXTRA_PATTERNS`); the cost is linear in the
// input for each prefix.
import { isAlnum, isDigit, isQuote, isSpace, isUpper, isWord, skipWhile } from './chars.js';
import type { SecretSpan } from './spans.js';

interface Shape {
  prefix: string;
  body: (c: number) => boolean;
  minBody: number;
  /** When set, the body must be exactly this long (AWS key ids are exactly 20 characters). */
  exactBody?: number;
}

const isUpperOrDigit = (c: number): boolean => isUpper(c) || isDigit(c);
const isAlnumOrDash = (c: number): boolean => isAlnum(c) || c === 45;

/**
 * The minimum body lengths are below the real lengths (ghp_ tokens have 36 characters) but long enough
 * that prose mentioning a prefix (`tokens start with ghp_`) is left alone.
 */
const SHAPES: readonly Shape[] = [
  { prefix: 'AKIA', body: isUpperOrDigit, minBody: 16, exactBody: 16 },
  { prefix: 'ghp_', body: isAlnum, minBody: 20 },
  { prefix: 'github_pat_', body: isWord, minBody: 20 },
  { prefix: 'sk_live_', body: isAlnum, minBody: 10 },
  ...['a', 'b', 'p', 'r', 's'].map((k) => ({ prefix: `xox${k}-`, body: isAlnumOrDash, minBody: 10 })),
];

function findShape(s: string, shape: Shape, out: SecretSpan[]): void {
  let from = 0;
  for (;;) {
    const at = s.indexOf(shape.prefix, from);
    if (at < 0) return;
    // The boundary is checked before the body is read, so a rejected match costs O(1).
    if (at > 0 && isWord(s.charCodeAt(at - 1))) {
      from = at + 1;
      continue;
    }
    const bodyStart = at + shape.prefix.length;
    const end = skipWhile(s, bodyStart, shape.body);
    from = Math.max(end, bodyStart);
    const len = end - bodyStart;
    if (len < shape.minBody) continue;
    if (shape.exactBody !== undefined && (len !== shape.exactBody || isAlnum(s.charCodeAt(end)))) continue;
    out.push({ start: at, end, rule: 'key-shape' });
  }
}

export function findKeyShapeSpans(s: string, out: SecretSpan[]): void {
  for (const shape of SHAPES) findShape(s, shape, out);
}

const isTokenChar = (c: number): boolean => !isSpace(c) && !isQuote(c);

/**
 * A token starting with one of `prefixes` (up to the next whitespace or quote) is replaced whole. When
 * a prefix starts with a word character it must also start a word, so `ghp_` does not match `xghp_`.
 */
export function findPrefixSpans(s: string, prefixes: readonly string[], out: SecretSpan[]): void {
  for (const prefix of prefixes) {
    const needsBoundary = isWord(prefix.charCodeAt(0));
    let from = 0;
    for (;;) {
      const at = s.indexOf(prefix, from);
      if (at < 0) break;
      if (needsBoundary && at > 0 && isWord(s.charCodeAt(at - 1))) {
        from = at + 1;
        continue;
      }
      const end = skipWhile(s, at + prefix.length, isTokenChar);
      from = Math.max(end, at + 1);
      if (end > at + prefix.length) out.push({ start: at, end, rule: 'extra-prefix' });
    }
  }
}
