// What counts as a literal secret in a stack definition, decided per scalar. Shared by the submit check
// (which names the keys) and the public redaction (which replaces the values), so both always agree.
import { createSecretDetector } from '../../infra/redaction/detector.js';
import { normaliseName } from '../../infra/redaction/secret-names.js';
import { applySpans, REDACTED, type SecretSpan } from '../../infra/redaction/spans.js';
import { findReferences, hasLiteralText } from './secret-references.js';

/**
 * A key (normalised: upper case, `-` and `.` as `_`) containing one of these names a secret; the
 * run-together forms catch camelCase JSON keys (`apiKey`, `accessKey`, `privateKey`).
 */
const SECRET_KEY_PARTS = [
  'PASSWORD',
  'PASSWD',
  'SECRET',
  'TOKEN',
  'API_KEY',
  'APIKEY',
  'ACCESS_KEY',
  'ACCESSKEY',
  'PRIVATE_KEY',
  'PRIVATEKEY',
  'CREDENTIAL',
  'AUTHORIZATION',
];

/** YAML/JSON keywords are not secrets, even under a secret key (`SECRET_ENABLED: "true"`). */
const KEYWORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', '~']);

/** An environment list item: `DB_PASSWORD=value`, or a flag such as `--db-password=value`. */
const ENV_ITEM = /^(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)=/;

/**
 * A URL is where a secret is used (`OAUTH_TOKEN_URL: https://auth.example.com/token`), not the secret;
 * its credentials and query parameters are still searched for secret shapes. Anchored, one pass.
 */
const URL_VALUE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/;

/**
 * Whether a key names a secret. `*_FILE` and `*_PATH` keys (`POSTGRES_PASSWORD_FILE: /run/secrets/db`)
 * hold the path of a mounted secret, which is the recommended way to keep secrets out of a template.
 */
export function isSecretKey(name: string): boolean {
  const n = normaliseName(name);
  if (n.endsWith('_FILE') || n.endsWith('_PATH')) return false;
  return SECRET_KEY_PARTS.some((part) => n.includes(part));
}

/**
 * The redactor's detectors (PEM, JWT, key prefixes, URL passwords, Authorization credentials), with the
 * template's own key rule for `NAME=value` inside text, so `DB_PASSWORD_FILE=/run/x` is fine here too.
 */
const detector = createSecretDetector({
  classifyName: (name) => {
    if (!isSecretKey(name)) return undefined;
    return normaliseName(name).endsWith('AUTHORIZATION') ? 'authorization' : 'secret';
  },
});

/** `A=${X}A=${X}…` nests one value in the next; past this depth a value simply counts as literal. */
const MAX_VALUE_NESTING = 8;

/**
 * The secret shapes in free text. Card numbers are left out: a 16-digit id in a template is far more
 * likely than a card. A span that is only references (`postgres://app:${DB_PASSWORD}@db`) is not
 * literal, and a `NAME=value` inside text is judged like a value under a secret key.
 */
function shapeSpans(s: string, depth: number): SecretSpan[] {
  const out: SecretSpan[] = [];
  for (const span of detector.detect(s).spans) {
    if (span.rule === 'card') continue;
    const text = s.slice(span.start, span.end);
    if (span.rule === 'name-value' && depth < MAX_VALUE_NESTING) {
      for (const inner of secretValueSpans(text, depth + 1)) {
        out.push({ ...inner, start: inner.start + span.start, end: inner.end + span.start });
      }
    } else if (hasLiteralText(text)) {
      out.push(span);
    }
  }
  return out;
}

/**
 * The literal parts of a value under a secret key: the whole value when it has no reference; with
 * references, only literal defaults (`${PW:-changeme}`) and secret shapes in the surrounding text.
 */
export function secretValueSpans(s: string, depth = 0): SecretSpan[] {
  const trimmed = s.trim();
  if (KEYWORDS.has(trimmed.toLowerCase()) || trimmed === '') return [];
  if (URL_VALUE.test(trimmed)) return shapeSpans(s, depth);
  const refs = findReferences(s);
  if (refs.length === 0) return [{ start: 0, end: s.length, rule: 'name-value' }];
  const spans = shapeSpans(s, depth);
  for (const ref of refs) {
    const fallback = ref.fallback;
    if (fallback && hasLiteralText(s.slice(fallback.start, fallback.end))) {
      spans.push({ start: fallback.start, end: fallback.end, rule: 'name-value' });
    }
  }
  return spans;
}

export interface ScalarVerdict {
  /** True when the scalar holds a literal secret. */
  secret: boolean;
  /** The scalar with its secret parts replaced by `***REDACTED***` (the scalar itself when none). */
  redacted: unknown;
  /** For an environment list item, the variable name, which names the finding better than an index. */
  name?: string;
}

/** Judges one scalar: `key` is its map key (undefined in a list), `inList` says it is a list item. */
export function judgeScalar(key: string | undefined, value: unknown, inList: boolean): ScalarVerdict {
  if (typeof value === 'number' || typeof value === 'bigint') {
    // `MYSQL_ROOT_PASSWORD: 123456` is a literal password even though YAML reads it as a number.
    const secret = key !== undefined && isSecretKey(key);
    return { secret, redacted: secret ? REDACTED : value };
  }
  if (typeof value !== 'string') return { secret: false, redacted: value };
  const item = inList ? ENV_ITEM.exec(value) : null;
  let spans: SecretSpan[];
  let name: string | undefined;
  if (item?.[1] && isSecretKey(item[1])) {
    name = item[1];
    const offset = item[0].length;
    spans = secretValueSpans(value.slice(offset)).map((s) => ({
      ...s,
      start: s.start + offset,
      end: s.end + offset,
    }));
  } else {
    name = item?.[1];
    spans = key !== undefined && isSecretKey(key) ? secretValueSpans(value) : shapeSpans(value, 0);
  }
  const verdict: ScalarVerdict = { secret: spans.length > 0, redacted: applySpans(value, spans) };
  if (name !== undefined) verdict.name = name;
  return verdict;
}

/** Shape spans of one line of text, for definitions that do not parse; PEM state runs across lines. */
export function lineShapeSpans(line: string, inPem: boolean): { spans: SecretSpan[]; inPem: boolean } {
  const found = detector.detect(line, inPem);
  // PEM spans come from the line-aware pass; the other shapes are judged like any other text.
  const spans = [...found.spans.filter((span) => span.rule === 'pem'), ...shapeSpans(line, 0)];
  return { spans, inPem: found.inPem };
}
