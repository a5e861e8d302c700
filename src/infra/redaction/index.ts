export {
  createSecretDetector,
  type DetectResult,
  type RedactionOptions,
  type SecretDetector,
} from './detector.js';
export { createRedactor, type RedactedLines, type RedactedString, type Redactor } from './redactor.js';
export { BLACKLISTED_NAMES, type NameKind, normaliseName, SECRET_NAME_PARTS } from './secret-names.js';
export { applySpans, mergeSpans, REDACTED, type SecretRule, type SecretSpan } from './spans.js';
