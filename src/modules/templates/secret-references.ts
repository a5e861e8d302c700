// Compose-style variable references in template values: `$VAR`, `${VAR}`, `${VAR:-default}`,
// `${VAR-default}`, `${VAR:+alt}`, `${VAR:?error}`, and `$$` for a literal dollar. A reference is not a
// literal secret — the value comes from the deployment's environment — but a default (or `:+`
// alternative) is text shipped in the template, so a non-empty one is literal. `:?` messages are shown
// to the user, not substituted, so they are not secrets.
import { isAlnum, isAlpha } from '../../infra/redaction/chars.js';

export interface Reference {
  start: number;
  end: number;
  /** The default or alternative text, when the reference has one. */
  fallback?: { start: number; end: number };
}

/** Deeper nesting (`${A:-${B:-${C…}}}`) is not written by hand; past it the text counts as literal. */
const MAX_NESTING = 16;

const isNameStart = (c: number): boolean => isAlpha(c) || c === 95;
const isNameRest = (c: number): boolean => isAlnum(c) || c === 95;

/**
 * Pairs every `${` with its closing `}` in one pass with a stack (index of `$` → index after `}`), so
 * finding the end of a reference never rescans the text: an unclosed `${` costs nothing later.
 */
function matchBraces(s: string): Map<number, number> {
  const open: number[] = [];
  const ends = new Map<number, number>();
  let k = 0;
  while (k < s.length) {
    const c = s.charCodeAt(k);
    if (c === 36 && (s.charCodeAt(k + 1) === 36 || s.charCodeAt(k + 1) === 123)) {
      if (s.charCodeAt(k + 1) === 123) open.push(k);
      k += 2;
      continue;
    }
    if (c === 125 && open.length > 0) ends.set(open.pop()!, k + 1);
    k++;
  }
  return ends;
}

/** The top-level references of `s`, in order. A malformed `${` is left as literal text. */
export function findReferences(s: string): Reference[] {
  const refs: Reference[] = [];
  const ends = matchBraces(s);
  let i = 0;
  while (i < s.length) {
    if (s.charCodeAt(i) !== 36) {
      i++;
      continue;
    }
    const next = s.charCodeAt(i + 1);
    if (next === 36) {
      i += 2;
      continue;
    }
    if (isNameStart(next)) {
      let k = i + 2;
      while (k < s.length && isNameRest(s.charCodeAt(k))) k++;
      refs.push({ start: i, end: k });
      i = k;
      continue;
    }
    if (next !== 123 || !isNameStart(s.charCodeAt(i + 2))) {
      i++;
      continue;
    }
    let k = i + 3;
    while (k < s.length && isNameRest(s.charCodeAt(k))) k++;
    const end = ends.get(i) ?? -1;
    if (end < k + 1) {
      i++;
      continue;
    }
    const op = s.slice(k, end - 1);
    const withDefault = /^:?[-+]/.exec(op);
    if (op === '' || withDefault || /^:?\?/.test(op)) {
      const ref: Reference = { start: i, end };
      if (withDefault) ref.fallback = { start: k + withDefault[0].length, end: end - 1 };
      refs.push(ref);
    }
    i = end;
  }
  return refs;
}

/**
 * Whether `s` holds literal text: anything but whitespace outside references, or a reference whose
 * default itself holds literal text (`${PW:-changeme}` does, `${PW:-}` and `${PW:-${OTHER}}` do not).
 */
export function hasLiteralText(s: string, depth = 0): boolean {
  if (depth > MAX_NESTING) return true;
  let pos = 0;
  for (const ref of findReferences(s)) {
    if (s.slice(pos, ref.start).trim() !== '') return true;
    if (ref.fallback && hasLiteralText(s.slice(ref.fallback.start, ref.fallback.end), depth + 1)) return true;
    pos = ref.end;
  }
  return s.slice(pos).trim() !== '';
}
