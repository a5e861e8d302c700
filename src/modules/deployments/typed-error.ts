import { AppError } from '../../infra/http/errors.js';

/*
 * The typed error envelope the CLI reads from state, events and plan (deployment-lifecycle.md): the
 * problem+json body also carries `schemaVersion`, `retryable`, `remediationClass` and, when there is one,
 * `context`, so it parses as both. `message` is already in every problem body.
 */

export const TYPED_SCHEMA_VERSION = 'v1alpha1';

export const TYPED_ERROR_CODES = [
  'compose_path_unresolved',
  'deployment_capability_missing',
  'deployment_not_found',
  'internal_error',
  'invalid_request',
  'permission_denied',
  'plan_stale',
  'registry_auth_missing',
  'rollback_target_unavailable',
  'runtime_env_drift_detected',
  'vault_secret_not_found',
] as const;
export type TypedErrorCode = (typeof TYPED_ERROR_CODES)[number];

export const REMEDIATION_CLASSES = [
  'auth',
  'capability',
  'configuration',
  'internal',
  'permissions',
  'secret',
  'state',
] as const;
export type RemediationClass = (typeof REMEDIATION_CLASSES)[number];

export function typedError(
  status: number,
  code: TypedErrorCode,
  message: string,
  remediationClass: RemediationClass,
  options: { retryable?: boolean; context?: Record<string, string> } = {},
): AppError {
  const context =
    options.context && Object.keys(options.context).length > 0 ? { context: options.context } : {};
  return new AppError(status, code, message, {
    schemaVersion: TYPED_SCHEMA_VERSION,
    retryable: options.retryable ?? false,
    remediationClass,
    ...context,
  });
}

export const typedNotFound = () => typedError(404, 'deployment_not_found', 'Deployment not found.', 'state');

export const invalidRequest = (message: string, context?: Record<string, string>) =>
  typedError(400, 'invalid_request', message, 'configuration', context ? { context } : {});
