export const REDACTED = '***REDACTED***';

export type SecretRule =
  | 'name-value'
  | 'authorization'
  | 'bearer'
  | 'jwt'
  | 'url-credentials'
  | 'pem'
  | 'key-shape'
  | 'extra-prefix'
  | 'card';

/** A half-open range `[start, end)` of a string that holds a secret, and the rule that found it. */
export interface SecretSpan {
  start: number;
  end: number;
  rule: SecretRule;
}

/** Sorts and merges overlapping or touching spans, so one secret found by two rules is replaced once. */
export function mergeSpans(spans: readonly SecretSpan[]): SecretSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      if (span.end > last.end) last.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** Replaces every span with `replacement`; the result is built in one pass over the input. */
export function applySpans(s: string, spans: readonly SecretSpan[], replacement: string = REDACTED): string {
  if (spans.length === 0) return s;
  const parts: string[] = [];
  let pos = 0;
  for (const span of mergeSpans(spans)) {
    parts.push(s.slice(pos, span.start), replacement);
    pos = span.end;
  }
  parts.push(s.slice(pos));
  return parts.join('');
}
