// Which variable or key names hold secrets (status-panel.md, "Redaction", rule 1).

/** The contract's blacklist of variable names whose value is always redacted. */
export const BLACKLISTED_NAMES: readonly string[] = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'DATABASE_URL',
  'DB_PASSWORD',
  'MYSQL_ROOT_PASSWORD',
  'MYSQL_PASSWORD',
  'POSTGRES_PASSWORD',
  'PGPASSWORD',
  'MONGO_PASSWORD',
  'REDIS_PASSWORD',
  'API_KEY',
  'API_SECRET',
  'AUTH_TOKEN',
  'SECRET_KEY',
  'PRIVATE_KEY',
  'STRIPE_SECRET_KEY',
  'GITHUB_TOKEN',
  'GITLAB_TOKEN',
  'SENDGRID_API_KEY',
];

/**
 * Any name containing one of these (after normalisation) is a secret name. As the contract says, with no
 * exceptions: `PASSWORD_MIN_LENGTH=8` is redacted too (a config dump loses a harmless number, which is
 * cheaper than a list of exceptions that a real secret could slip through). Prose is left alone:
 * `password reset email sent` has no `=` or `:` after the name.
 */
export const SECRET_NAME_PARTS: readonly string[] = [
  'PASSWORD',
  'SECRET',
  'TOKEN',
  'API_KEY',
  'PRIVATE_KEY',
  'CREDENTIAL',
];

export type NameKind = 'secret' | 'authorization';

/**
 * Upper-cases a name and maps `-` and `.` to `_`, so `x-api-key`, `db.password` and `X_API_KEY` are
 * the same name to the rules (a header and an environment variable carry the same secret).
 */
export function normaliseName(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    out += ch === '-' || ch === '.' ? '_' : ch;
  }
  return out.toUpperCase();
}

/**
 * Builds the name test once per redactor: the blacklist plus the configured extra names
 * (`LOG_REDACT_EXTRA_VARS`, matched whole and case-insensitively). Names ending in AUTHORIZATION are
 * their own kind because their value is `<scheme> <credential>` and only the credential is secret.
 */
export function createNameClassifier(
  extraVars: readonly string[] = [],
): (name: string) => NameKind | undefined {
  const exact = new Set<string>(BLACKLISTED_NAMES);
  for (const v of extraVars) {
    const trimmed = v.trim();
    if (trimmed !== '') exact.add(normaliseName(trimmed));
  }
  return (name) => {
    const n = normaliseName(name);
    if (n.endsWith('AUTHORIZATION')) return 'authorization';
    if (exact.has(n)) return 'secret';
    for (const part of SECRET_NAME_PARTS) if (n.includes(part)) return 'secret';
    return undefined;
  };
}

/**
 * Values that are JSON/YAML keywords (or nothing at all), never secrets, even under a secret name:
 * `"token": null` stays as it is.
 */
export const NOT_SECRETS: ReadonlySet<string> = new Set([
  '',
  'null',
  'true',
  'false',
  'undefined',
  'None',
  'nil',
]);
