// The fallback for a definition that does not parse (invalid YAML or JSON): it is still scanned, line by
// line, so a vendor cannot slip a secret past the check by breaking the syntax. A line `key: value`,
// `KEY=value`, `- KEY=value` or `"key": "value",` with a secret key is judged like a parsed scalar;
// every line is also searched for secret shapes, with PEM blocks followed across lines.
import { applySpans, type SecretSpan } from '../../infra/redaction/spans.js';
import { isSecretKey, lineShapeSpans, secretValueSpans } from './secret-values.js';

/**
 * A key line, possibly opened by `- `, `{`, `[` or `,`. Anchored, and each part stops at a character the next part cannot start with (a name has no spaces,
 * quotes, `:` or `=`), so a failed match gives up after one pass over the line: no catastrophic
 * backtracking.
 */
const KEY_LINE = /^\s*(?:-\s+|[{[,]\s*)?(["']?)(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)\1\s*[:=]\s*/;

/** The value region of `line` from `at`: without a trailing comma and without surrounding quotes. */
function valueRegion(line: string, at: number): [number, number] {
  let end = line.length;
  while (end > at && /\s/.test(line[end - 1]!)) end--;
  if (end > at && line[end - 1] === ',') end--;
  const first = line[at];
  if (end - at >= 2 && (first === '"' || first === "'") && line[end - 1] === first) return [at + 1, end - 1];
  return [at, end];
}

export interface TextScan {
  findings: string[];
  redacted: string;
}

export function scanText(text: string): TextScan {
  const findings: string[] = [];
  let inPem = false;
  const lines = text.split('\n').map((line, index) => {
    const shapes = lineShapeSpans(line, inPem);
    inPem = shapes.inPem;
    const spans: SecretSpan[] = [...shapes.spans];
    const match = KEY_LINE.exec(line);
    const key = match?.[2];
    let secretKey = false;
    if (match && key && isSecretKey(key)) {
      const [start, end] = valueRegion(line, match[0].length);
      const found = secretValueSpans(line.slice(start, end));
      secretKey = found.length > 0;
      for (const span of found) spans.push({ ...span, start: span.start + start, end: span.end + start });
    }
    if (spans.length > 0) findings.push(secretKey ? `line ${index + 1}: ${key}` : `line ${index + 1}`);
    return applySpans(line, spans);
  });
  return { findings, redacted: lines.join('\n') };
}
