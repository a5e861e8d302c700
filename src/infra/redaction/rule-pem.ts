// Rule 4: PEM private key blocks, whole (markers included), in one string or across log lines. The
// caller carries `inPem` from one line to the next: a BEGIN line without its END line keeps redacting
// the following lines until the END line. Markers are found with `indexOf` from a position that only
// moves forward, so the pass is linear.
import type { SecretSpan } from './spans.js';

const DASHES = '-----';
/** A PEM label is short (`ENCRYPTED PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`); longer text is not a marker. */
const MAX_LABEL = 64;

interface Marker {
  start: number;
  end: number;
}

/** Finds the next `-----<kind> …PRIVATE KEY…-----` marker at or after `from`. */
function findMarker(s: string, kind: 'BEGIN ' | 'END ', from: number): Marker | undefined {
  const open = DASHES + kind;
  let pos = from;
  for (;;) {
    const start = s.indexOf(open, pos);
    if (start < 0) return undefined;
    const labelStart = start + open.length;
    // Only a bounded window is searched for the closing dashes, so a stray `-----BEGIN ` costs O(1).
    const label = s.slice(labelStart, labelStart + MAX_LABEL + DASHES.length);
    const close = label.indexOf(DASHES);
    if (close >= 0 && label.slice(0, close).includes('PRIVATE KEY')) {
      return { start, end: labelStart + close + DASHES.length };
    }
    pos = labelStart;
  }
}

/**
 * Adds the spans of PEM private key blocks in `s` to `out`. `inPem` says whether `s` starts inside a
 * block begun on an earlier line; the result says whether it ends inside one.
 */
export function findPemSpans(s: string, inPem: boolean, out: SecretSpan[]): boolean {
  let pos = 0;
  if (inPem) {
    const end = findMarker(s, 'END ', 0);
    if (!end) {
      // A blank line inside a block hides nothing; any other line is part of the key.
      if (s.trim() !== '') out.push({ start: 0, end: s.length, rule: 'pem' });
      return true;
    }
    out.push({ start: 0, end: end.end, rule: 'pem' });
    pos = end.end;
  }
  for (;;) {
    const begin = findMarker(s, 'BEGIN ', pos);
    if (!begin) return false;
    const end = findMarker(s, 'END ', begin.end);
    if (!end) {
      out.push({ start: begin.start, end: s.length, rule: 'pem' });
      return true;
    }
    out.push({ start: begin.start, end: end.end, rule: 'pem' });
    pos = end.end;
  }
}
