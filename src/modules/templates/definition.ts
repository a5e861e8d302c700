import { isMap, parseDocument } from 'yaml';
import { unprocessable } from '../../infra/http/errors.js';
import { type DefinitionFormat, findLiteralSecrets } from './secret-scan.js';

/** A stack definition as stored: YAML as its text (a JSON string in the column), JSON as the object. */
export interface Definition {
  value: string | Record<string, unknown>;
  format: DefinitionFormat;
}

export type NormalisedDefinition = { ok: true; definition: Definition } | { ok: false; message: string };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads `stack_definition` with its optional `definition_format`: a string is YAML unless the format
 * says JSON (then it must parse to an object); an object is JSON. YAML is parsed only to check that it
 * is a mapping — never converted to JS, so aliases are not expanded — and is kept as the vendor wrote it.
 */
export function normaliseDefinition(
  raw: string | Record<string, unknown>,
  format: DefinitionFormat | undefined,
): NormalisedDefinition {
  if (typeof raw !== 'string') {
    if (format === 'yaml')
      return { ok: false, message: 'must be a YAML string when definition_format is yaml' };
    return { ok: true, definition: { value: raw, format: 'json' } };
  }
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { ok: false, message: 'is not valid JSON' };
    }
    if (!isPlainObject(parsed)) return { ok: false, message: 'must be a JSON object' };
    return { ok: true, definition: { value: parsed, format: 'json' } };
  }
  const doc = parseDocument(raw);
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    return { ok: false, message: `is not valid YAML: ${first.message.split('\n', 1)[0]}` };
  }
  if (!isMap(doc.contents)) return { ok: false, message: 'must be a YAML mapping (e.g. a compose file)' };
  return { ok: true, definition: { value: raw, format: 'yaml' } };
}

/** Whether a stored definition has something to deploy (a mapping with at least one key). */
export function isEmptyDefinition(value: unknown, format: DefinitionFormat): boolean {
  if (typeof value === 'string') {
    if (format === 'json') {
      try {
        const parsed: unknown = JSON.parse(value);
        return !isPlainObject(parsed) || Object.keys(parsed).length === 0;
      } catch {
        return value.trim() === '';
      }
    }
    const doc = parseDocument(value);
    return !isMap(doc.contents) || doc.contents.items.length === 0;
  }
  return !isPlainObject(value) || Object.keys(value).length === 0;
}

/**
 * The checks of every way into review (submit, or a new version of an approved template): something to
 * deploy, and no literal secret (422 naming the keys, so the vendor knows what to move to variables).
 */
export function assertReviewable(value: unknown, format: DefinitionFormat): void {
  if (isEmptyDefinition(value, format)) {
    throw unprocessable(
      'definition_required',
      'The template needs a non-empty stack definition before it can be reviewed.',
    );
  }
  const keys = findLiteralSecrets(value, format);
  if (keys.length > 0) {
    throw unprocessable(
      'secrets_detected',
      `The stack definition holds literal secrets: ${keys.join(', ')}. Replace them with variables such as \${DB_PASSWORD}.`,
      { keys },
      keys.map((key) => ({ path: `stack_definition.${key}`, message: 'holds a literal secret' })),
    );
  }
}
