// Finds where the secrets are in a string, without replacing anything: the redactor replaces the spans,
// the template secret scan reports them. Every rule is a hand-written scanner (or `indexOf` of a
// literal) that reads each character a bounded number of times, because the input is untrusted agent
// output up to 8 MiB: a backtracking regular expression could be made to take minutes on one line.
import { findCardSpans } from './rule-card-numbers.js';
import { findKeyShapeSpans, findPrefixSpans } from './rule-key-shapes.js';
import { findNameValueSpans } from './rule-name-value.js';
import { findPemSpans } from './rule-pem.js';
import { findTokenSpans } from './rule-tokens.js';
import { findUrlCredentialSpans } from './rule-url-credentials.js';
import { createNameClassifier, type NameKind } from './secret-names.js';
import type { SecretSpan } from './spans.js';

export interface RedactionOptions {
  /** More variable names whose values are secrets (`LOG_REDACT_EXTRA_VARS`), matched whole, any case. */
  extraVars?: readonly string[];
  /** Literal token prefixes (`LOG_REDACT_EXTRA_PATTERNS`); never regular expressions. */
  extraPrefixes?: readonly string[];
  /**
   * Replaces the contract's name rule (blacklist, name parts, extra vars) for callers with their own
   * list, such as the template secret scan.
   */
  classifyName?: (name: string) => NameKind | undefined;
}

export interface DetectResult {
  spans: SecretSpan[];
  /** True when `s` ends inside a PEM private key block that continues on the next line. */
  inPem: boolean;
}

export interface SecretDetector {
  /** The secret spans of `s`; `inPem` says that `s` starts inside a PEM block from an earlier line. */
  detect(s: string, inPem?: boolean): DetectResult;
  /** Whether a key or variable name holds a secret, and of which kind. */
  classifyName(name: string): NameKind | undefined;
}

export function createSecretDetector(options: RedactionOptions = {}): SecretDetector {
  const classifyName = options.classifyName ?? createNameClassifier(options.extraVars);
  const prefixes = [...new Set((options.extraPrefixes ?? []).map((p) => p.trim()).filter((p) => p !== ''))];
  return {
    classifyName,
    detect(s, inPem = false) {
      const spans: SecretSpan[] = [];
      const endsInPem = findPemSpans(s, inPem, spans);
      findNameValueSpans(s, classifyName, spans);
      findTokenSpans(s, spans);
      findUrlCredentialSpans(s, spans);
      findKeyShapeSpans(s, spans);
      findPrefixSpans(s, prefixes, spans);
      findCardSpans(s, spans);
      return { spans, inPem: endsInPem };
    },
  };
}
