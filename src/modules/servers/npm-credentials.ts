import { badRequest } from '../../infra/http/errors.js';

/*
 * `npm_credentials` is the one server secret Stacker reads itself (clouds-servers.md): the login of the
 * server's Nginx Proxy Manager. Upstream writes it where the agent's own Vault client looks; Stacker has no
 * Vault, so its three values are put into a `configure_proxy` command's secret parameters instead.
 */

export const NPM_CREDENTIALS = 'npm_credentials';

/** What a deploy seeds when a managed proxy is asked for and the server has none. */
export const DEFAULT_NPM_CREDENTIALS = {
  schema_version: 1,
  host: 'http://nginx-proxy-manager:81',
  email: 'admin@example.com',
  password: 'changeme',
  auth_mode: 'email_password',
} as const;

/** The PUT rule: the value must be a JSON object written as a string. Throws the contract's 400s. */
export function checkNpmCredentials(value: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw badRequest('invalid_npm_credentials', 'npm_credentials body must be valid JSON', [
      { path: 'value', message: 'must be valid JSON' },
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('invalid_npm_credentials', 'npm_credentials body must be a JSON object', [
      { path: 'value', message: 'must be a JSON object' },
    ]);
  }
}

/** The command's secret parameters, or `undefined` unless all three are there (the agent refuses a partial set). */
export function npmSecretParams(
  value: string,
): { npm_host: string; npm_email: string; npm_password: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { host, email, password } = parsed as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const [npmHost, npmEmail, npmPassword] = [text(host), text(email), text(password)];
  if (!npmHost || !npmEmail || !npmPassword) return undefined;
  return { npm_host: npmHost, npm_email: npmEmail, npm_password: npmPassword };
}
