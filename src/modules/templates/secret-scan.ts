// The marketplace's secret checks on stack definitions (api.md, Marketplace): every way into review
// refuses a definition holding literal secrets (422 `secrets_detected` naming the keys), and the public
// template detail shows the definition with secret values replaced by `***REDACTED***`.
//
// Decisions:
// - a secret key is one containing password, passwd, secret, token, api_key, apikey, access_key,
//   private_key, credential or authorization (any case, `-`/`.` read as `_`), as a map key or as the
//   name of an environment list item (`- DB_PASSWORD=foo`); `*_FILE` keys hold paths and are not secrets;
// - a value under a secret key is literal unless it is made of references: `${VAR}`, `$VAR`,
//   `${VAR:?message}` and `${VAR:-}` are fine; a non-empty default `${VAR:-changeme}` is text shipped in
//   the template and is flagged (only the default is redacted); placeholders such as `changeme` are
//   literal too; empty strings, booleans and null are not secrets, numbers are;
// - anywhere else, a value is flagged when it holds a secret shape found by the log redactor's
//   detectors (PEM private keys, JWTs, AWS/GitHub/Stripe/Slack keys, `user:password@` in URLs,
//   `NAME=value` with a secret name inside text), unless that part is only references;
// - a definition that does not parse is scanned as text, line by line, and findings are `line N: KEY`.
import { parseDocument } from 'yaml';
import { scanText } from './secret-text.js';
import { DefinitionTooDeepError, walkJson, walkYaml } from './secret-walk.js';

export type DefinitionFormat = 'yaml' | 'json';

interface Analysis {
  findings: string[];
  redacted: unknown;
}

function analyseYaml(text: string): Analysis {
  // The document's nodes are walked, never converted to JS, so aliases are not expanded.
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return scanText(text);
  const findings: string[] = [];
  try {
    const changed = walkYaml(doc, findings);
    return { findings, redacted: changed ? doc.toString({ lineWidth: 0 }) : text };
  } catch (err) {
    if (err instanceof DefinitionTooDeepError) return scanText(text);
    throw err;
  }
}

function analyseJsonText(text: string): Analysis {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return scanText(text);
  }
  const findings: string[] = [];
  const redacted = walkJson(parsed, findings);
  return { findings, redacted: findings.length > 0 ? JSON.stringify(redacted, null, 2) : text };
}

function analyse(definition: unknown, format: DefinitionFormat): Analysis {
  if (typeof definition === 'string') {
    return format === 'yaml' ? analyseYaml(definition) : analyseJsonText(definition);
  }
  const findings: string[] = [];
  const redacted = walkJson(definition, findings);
  return { findings, redacted };
}

/**
 * The key paths of a definition that hold literal secrets (`services.db.environment.POSTGRES_PASSWORD`),
 * each once, in document order; empty when there are none.
 */
export function findLiteralSecrets(definition: unknown, format: DefinitionFormat): string[] {
  return [...new Set(analyse(definition, format).findings)];
}

/**
 * The definition with secret values replaced by `***REDACTED***`, in the same shape: a YAML string
 * stays a valid YAML string (the input itself when nothing is secret), a JSON object a new object, a
 * JSON string a JSON string.
 */
export function redactDefinitionForPublic(definition: unknown, format: DefinitionFormat): unknown {
  return analyse(definition, format).redacted;
}
