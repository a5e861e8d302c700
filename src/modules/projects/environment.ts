/*
 * App environments as reads show them (projects.md, "Apps"): a value whose key looks secret is
 * "[REDACTED]", and so is every service secret's name. The key list is this contract's own (it is wider
 * than the log redactor's: `ssl`, `tls`, `cert`, `auth` included), so it lives here, not in infra/redaction.
 */

export const REDACTED = '[REDACTED]';

const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'secret',
  'token',
  'key',
  'api_key',
  'apikey',
  'auth',
  'credential',
  'private',
  'cert',
  'ssl',
  'tls',
];

export const isSecretLookingKey = (key: string): boolean => {
  const lower = key.toLowerCase();
  return SECRET_KEY_PARTS.some((part) => lower.includes(part));
};

/**
 * An environment stored as sent (arbitrary JSON) as a map: an object as is, a list of `"K=V"` strings or
 * of `{key, value}` pairs folded into one; anything else is empty.
 */
export function environmentObject(env: unknown): Record<string, unknown> {
  if (env !== null && typeof env === 'object' && !Array.isArray(env))
    return { ...(env as Record<string, unknown>) };
  const out: Record<string, unknown> = {};
  if (!Array.isArray(env)) return out;
  for (const entry of env) {
    if (typeof entry === 'string') {
      const at = entry.indexOf('=');
      if (at > 0) out[entry.slice(0, at)] = entry.slice(at + 1);
    } else if (entry && typeof entry === 'object' && typeof (entry as { key?: unknown }).key === 'string') {
      out[(entry as { key: string }).key] = (entry as { value?: unknown }).value ?? '';
    }
  }
  return out;
}

/** The keys an environment would set (an object's keys, or the `K` of `"K=V"` strings), for the 409 check. */
export function environmentKeys(env: unknown): string[] {
  if (env !== null && typeof env === 'object' && !Array.isArray(env)) return Object.keys(env);
  if (!Array.isArray(env)) return [];
  return env.flatMap((entry) => {
    if (typeof entry !== 'string') return [];
    const at = entry.indexOf('=');
    return at > 0 ? [entry.slice(0, at)] : [];
  });
}

export function redactEnvironment(env: unknown, serviceSecretNames: string[]): Record<string, unknown> {
  const out = environmentObject(env);
  for (const key of Object.keys(out)) if (isSecretLookingKey(key)) out[key] = REDACTED;
  for (const name of serviceSecretNames) out[name] = REDACTED;
  return out;
}
