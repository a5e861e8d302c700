// The server's redactor (status-panel.md, "Redaction"): every string of every command result and app
// status passes through it before it is stored, whatever the agent did. Written by hand rather than
// with a library because it must run in linear time on untrusted input (see detector.ts) and follow
// the contract's rules exactly.
import { createSecretDetector, type RedactionOptions } from './detector.js';
import { authorizationCredential } from './rule-name-value.js';
import { type NameKind, NOT_SECRETS } from './secret-names.js';
import { applySpans, REDACTED, type SecretSpan } from './spans.js';

export interface RedactedString {
  value: string;
  changed: boolean;
}

export interface RedactedLines {
  lines: string[];
  changed: boolean[];
}

export interface Redactor {
  redactString(s: string): RedactedString;
  /** Consecutive lines: a PEM block begun on one line is redacted until its END line. */
  redactLines(lines: readonly string[]): RedactedLines;
  /**
   * Every string of a JSON value, in a new value. Arrays of strings and the messages of a logs result
   * (`{lines: [{message, redacted}]}`) are consecutive lines; a changed log line gets `redacted: true`.
   * A string under a secret key (`{"DB_PASSWORD": "x"}`) is replaced whole.
   */
  redactDeep(value: unknown): unknown;
}

/**
 * Agent results are a few levels deep. A deeper value is replaced whole rather than walked, so a
 * hostile report cannot overflow the stack and no string in it is stored unredacted.
 */
const MAX_DEPTH = 256;

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLogsResult(value: JsonRecord): value is JsonRecord & { lines: unknown[] } {
  return Array.isArray(value.lines) && value.lines.some((l) => isRecord(l) && typeof l.message === 'string');
}

export function createRedactor(options: RedactionOptions = {}): Redactor {
  const detector = createSecretDetector(options);

  const redactString = (s: string): RedactedString => {
    const value = applySpans(s, detector.detect(s).spans);
    return { value, changed: value !== s };
  };

  const redactLines = (lines: readonly string[]): RedactedLines => {
    let inPem = false;
    const out: string[] = [];
    const changed: boolean[] = [];
    for (const line of lines) {
      const found = detector.detect(line, inPem);
      inPem = found.inPem;
      const value = applySpans(line, found.spans);
      out.push(value);
      changed.push(value !== line);
    }
    return { lines: out, changed };
  };

  /** A string under a named key: the whole value for a secret name, the credential for Authorization. */
  const redactNamed = (kind: NameKind, s: string): string => {
    if (kind === 'secret') return NOT_SECRETS.has(s) ? s : REDACTED;
    const spans: SecretSpan[] = detector.detect(s).spans;
    const cred = authorizationCredential(s, 0, s.length);
    if (cred) spans.push({ start: cred[0], end: cred[1], rule: 'authorization' });
    return applySpans(s, spans);
  };

  const redactLogs = (value: JsonRecord & { lines: unknown[] }, depth: number): JsonRecord => {
    let inPem = false;
    const lines = value.lines.map((line) => {
      if (!isRecord(line) || typeof line.message !== 'string') return deep(line, depth + 2);
      const found = detector.detect(line.message, inPem);
      inPem = found.inPem;
      const message = applySpans(line.message, found.spans);
      const rest = deep(line, depth + 2) as JsonRecord;
      return message === line.message
        ? { ...rest, message }
        : Object.fromEntries([...Object.entries(rest), ['message', message], ['redacted', true]]);
    });
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'lines' ? lines : deep(v, depth + 1)]),
    );
  };

  function deep(value: unknown, depth: number, kind?: NameKind): unknown {
    if (typeof value === 'string') return kind ? redactNamed(kind, value) : redactString(value).value;
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) return REDACTED;
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'string')) return redactLines(value).lines;
      return value.map((v) => deep(v, depth + 1));
    }
    const record = value as JsonRecord;
    if (isLogsResult(record)) return redactLogs(record, depth);
    // Object.fromEntries defines own properties, so a `__proto__` key from JSON stays a plain key.
    return Object.fromEntries(
      Object.entries(record).map(([k, v]) => [k, deep(v, depth + 1, detector.classifyName(k))]),
    );
  }

  return { redactString, redactLines, redactDeep: (value) => deep(value, 0) };
}
