// Rule 6: payment card numbers, 14 to 19 digits passing the Luhn check, either one run of digits or
// groups joined by a single space or dash (`4111 1111 1111 1111`, `3782-822463-10005`). A run that is
// shorter (a 13-digit millisecond timestamp) or longer (an id of 20+ digits) is never a card, and a run
// glued to letters (a hex hash) or to a decimal point (a float) is not one either. Each digit is read
// once; a chain of groups is then tried in windows of at most six groups, so the pass stays linear.
import { isAlpha, isDigit, skipWhile } from './chars.js';
import type { SecretSpan } from './spans.js';

const MIN_DIGITS = 14;
const MAX_DIGITS = 19;
/** Card groups printed on cards and receipts have 3 to 6 digits (4-4-4-4, 4-6-5, 4-4-4-4-3). */
const MIN_GROUP = 3;
const MAX_GROUP = 6;

interface Group {
  start: number;
  end: number;
}

/** Luhn over the digits of `groups[from..to]`, skipping the separators between them. */
function luhn(s: string, groups: readonly Group[], from: number, to: number): boolean {
  let sum = 0;
  let double = false;
  for (let g = to; g >= from; g--) {
    const { start, end } = groups[g]!;
    for (let k = end - 1; k >= start; k--) {
      let d = s.charCodeAt(k) - 48;
      if (double) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      double = !double;
    }
  }
  return sum % 10 === 0;
}

/** A digit run glued to a letter, `_` or a decimal point is part of something else. */
function isGlued(s: string, start: number, end: number): boolean {
  const prev = s.charCodeAt(start - 1);
  const next = s.charCodeAt(end);
  if (isAlpha(prev) || isAlpha(next) || prev === 95 || next === 95) return true;
  if (prev === 46 && isDigit(s.charCodeAt(start - 2))) return true;
  return next === 46 && isDigit(s.charCodeAt(end + 1));
}

/** Tries windows of consecutive groups, longest first from each start, and keeps the ones that pass. */
function flushChain(s: string, chain: readonly Group[], out: SecretSpan[]): void {
  let i = 0;
  while (i < chain.length - 1) {
    let digits = 0;
    let last = i;
    while (last < chain.length && digits + (chain[last]!.end - chain[last]!.start) <= MAX_DIGITS) {
      digits += chain[last]!.end - chain[last]!.start;
      last++;
    }
    let matched = -1;
    for (let j = last - 1; j > i && digits >= MIN_DIGITS; j--) {
      if (luhn(s, chain, i, j)) {
        matched = j;
        break;
      }
      digits -= chain[j]!.end - chain[j]!.start;
    }
    if (matched >= 0) {
      out.push({ start: chain[i]!.start, end: chain[matched]!.end, rule: 'card' });
      i = matched + 1;
    } else {
      i++;
    }
  }
}

export function findCardSpans(s: string, out: SecretSpan[]): void {
  let chain: Group[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isDigit(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i = skipWhile(s, i, isDigit);
    const len = i - start;
    const glued = isGlued(s, start, i);
    if (!glued && len >= MIN_DIGITS && len <= MAX_DIGITS && luhn(s, [{ start, end: i }], 0, 0)) {
      out.push({ start, end: i, rule: 'card' });
    }
    const isGroup = !glued && len >= MIN_GROUP && len <= MAX_GROUP;
    const prevEnd = chain.length > 0 ? chain[chain.length - 1]!.end : -2;
    const sep = s.charCodeAt(prevEnd);
    const joined = isGroup && prevEnd + 1 === start && (sep === 32 || sep === 45);
    if (!joined) {
      if (chain.length > 1) flushChain(s, chain, out);
      chain = isGroup ? [{ start, end: i }] : [];
    } else {
      chain.push({ start, end: i });
    }
  }
  if (chain.length > 1) flushChain(s, chain, out);
}
