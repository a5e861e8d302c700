import { getCommandSpec } from './catalog-specs.js';

/** What secret-bearing parameters look like in every reply except the copy delivered to the agent. */
export const SECRET_MASK = '***';

function secretKeys(type: string, params: Record<string, unknown>): string[] {
  return (getCommandSpec(type)?.secretParams ?? []).filter(
    (key) => params[key] !== undefined && params[key] !== null,
  );
}

/**
 * Splits validated parameters for storage: `publicParams` (the jsonb column) holds "***" in place of each
 * secret, so it can be shown as is; `secretParams` (encrypted) holds the real values, or is undefined
 * when the command carries none.
 */
export function splitSecretParams(
  type: string,
  params: Record<string, unknown>,
): { publicParams: Record<string, unknown>; secretParams: Record<string, unknown> | undefined } {
  const keys = secretKeys(type, params);
  if (keys.length === 0) return { publicParams: { ...params }, secretParams: undefined };
  const publicParams = { ...params };
  const secretParams: Record<string, unknown> = {};
  for (const key of keys) {
    secretParams[key] = params[key];
    publicParams[key] = SECRET_MASK;
  }
  return { publicParams, secretParams };
}

/** Rebuilds the parameters delivered to the agent. */
export function mergeSecretParams(
  publicParams: Record<string, unknown>,
  secretParams: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return { ...publicParams, ...secretParams };
}

export function maskSecretParams(type: string, params: Record<string, unknown>): Record<string, unknown> {
  const masked = { ...params };
  for (const key of secretKeys(type, params)) masked[key] = SECRET_MASK;
  return masked;
}
