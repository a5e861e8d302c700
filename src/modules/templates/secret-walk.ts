// Walks a stack definition and judges every scalar with judgeScalar: over plain JSON values (returning a
// redacted copy) and over a YAML document's nodes (redacting in place, so comments, anchors and styles
// survive when the document is printed again).
import { type Document, isMap, isPair, isScalar, isSeq } from 'yaml';
import { REDACTED } from '../../infra/redaction/spans.js';
import { judgeScalar } from './secret-values.js';

export type PathSegment = string | number;

/** Definitions are a few levels deep; this bounds recursion on hostile input. */
const MAX_DEPTH = 256;

export class DefinitionTooDeepError extends Error {
  constructor() {
    super(`stack definition nested deeper than ${MAX_DEPTH} levels`);
    this.name = 'DefinitionTooDeepError';
  }
}

/** `services.db.environment.POSTGRES_PASSWORD`, `services.web.command[2]`; the root is `$`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? '$' : out;
}

/** A finding in a list item names the variable (`environment.DB_PASSWORD`) instead of its index. */
function findingPath(path: readonly PathSegment[], name: string | undefined): string {
  return formatPath(
    name !== undefined && typeof path.at(-1) === 'number' ? [...path.slice(0, -1), name] : path,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Judges a JSON value; returns a redacted copy and appends the paths of literal secrets to `findings`. */
export function walkJson(value: unknown, findings: string[]): unknown {
  const visit = (v: unknown, path: PathSegment[], key: string | undefined, inList: boolean): unknown => {
    if (path.length > MAX_DEPTH) {
      findings.push(formatPath(path));
      return REDACTED;
    }
    if (Array.isArray(v)) return v.map((item, i) => visit(item, [...path, i], undefined, true));
    if (isRecord(v)) {
      // Object.fromEntries keeps a `__proto__` key from JSON a plain key.
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x, [...path, k], k, false)]));
    }
    const verdict = judgeScalar(key, v, inList);
    if (verdict.secret) findings.push(findingPath(path, verdict.name));
    return verdict.redacted;
  };
  return visit(value, [], undefined, false);
}

function keyName(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? '' : String(key);
}

/**
 * Judges every scalar of a YAML document, replacing secret values in place. Aliases are skipped: the
 * anchored node is judged (and redacted) where it is defined. Returns whether anything was replaced.
 * Throws DefinitionTooDeepError past the depth limit (the caller falls back to a text scan).
 */
export function walkYaml(doc: Document, findings: string[]): boolean {
  let changed = false;
  const visit = (node: unknown, path: PathSegment[], key: string | undefined, inList: boolean): void => {
    if (path.length > MAX_DEPTH) throw new DefinitionTooDeepError();
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = keyName(pair.key);
        visit(pair.value, [...path, k], k, false);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (isPair(item)) {
          const k = keyName(item.key);
          visit(item.value, [...path, i, k], k, false);
        } else {
          visit(item, [...path, i], undefined, true);
        }
      });
    } else if (isScalar(node)) {
      const verdict = judgeScalar(key, node.value, inList);
      if (verdict.secret) {
        findings.push(findingPath(path, verdict.name));
        node.value = verdict.redacted;
        changed = true;
      }
    }
  };
  visit(doc.contents, [], undefined, false);
  return changed;
}
