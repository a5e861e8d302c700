import { z } from 'zod';

/*
 * The `stacker` CLI's reply structs (projects.md, compat), as strict as serde reads them: a required
 * member missing, a `null` where the struct has no Option, or a wrong JSON type fails the whole reply.
 * Members the structs do not name are ignored, as serde ignores them.
 */

const i32 = z.number().int().min(-2_147_483_648).max(2_147_483_647);
const option = <T extends z.ZodType>(schema: T) => schema.nullish();

export const cliProjectInfo = z.object({
  id: i32,
  name: z.string(),
  user_id: z.string(),
  // serde_json::Value: anything, but present (a missing Value is null, which it accepts; keep it strict).
  metadata: z.unknown().refine((v) => v !== undefined, 'is required'),
  created_at: z.string(),
  updated_at: z.string(),
});

export const cliProjectAppInfo = z.object({
  id: i32,
  project_id: i32,
  code: z.string(),
  name: z.string(),
  image: z.string(),
  enabled: z.boolean(),
  deploy_order: option(i32),
  parent_app_code: option(z.string()),
});

export const cliDeployResponse = z.object({
  id: option(i32),
  meta: option(z.object({ deployment_id: i32 }).loose()),
});

export const cliDeploymentStatusInfo = z.object({
  id: i32,
  project_id: i32,
  deployment_hash: z.string(),
  status: z.string(),
  status_message: option(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});

/** `ApiResponse<T>`: every member optional, but `item` and each element of `list` parsed as T. */
export const cliApiResponse = <T extends z.ZodType>(schema: T) =>
  z.object({
    item: option(schema),
    list: option(z.array(schema)),
    id: option(i32),
    meta: option(z.unknown()),
  });

/* The camelCase structs of `stacker deployments state|events|plan` (deployment-lifecycle.md). */

const timestamp = z.iso.datetime({ offset: true });
const remediationClass = z.enum([
  'auth',
  'capability',
  'configuration',
  'internal',
  'permissions',
  'secret',
  'state',
]);

export const cliTypedError = z.object({
  schemaVersion: z.string(),
  code: z.enum([
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
  ]),
  message: z.string(),
  retryable: z.boolean(),
  remediationClass,
  context: z.record(z.string(), z.string()).optional(),
});

export const cliDeploymentState = z.object({
  schemaVersion: z.string(),
  project: z.object({ id: i32, identity: z.string(), name: z.string() }),
  deployment: z.object({ id: i32, deploymentHash: z.string(), status: z.string(), runtime: z.string() }),
  agent: z.object({
    id: option(z.string()),
    status: z.string(),
    version: option(z.string()),
    lastHeartbeat: option(timestamp),
    capabilities: z.array(z.string()),
    features: z.object({
      compose: z.boolean(),
      kataRuntime: z.boolean(),
      backup: z.boolean(),
      pipes: z.boolean(),
      proxyCredentialsVault: z.boolean(),
    }),
  }),
  runtime: z.object({ composePath: z.string(), envPath: z.string() }),
  apps: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      enabled: z.boolean(),
      configVersion: i32,
      vaultSyncVersion: i32,
      configHash: option(z.string()),
    }),
  ),
  drift: z.object({ hasDrift: z.boolean(), summary: z.string() }),
  lastCommand: option(z.object({ type: z.string(), status: z.string(), finishedAt: timestamp })),
});

export const cliDeploymentEventFeed = z.object({
  schemaVersion: z.string(),
  deploymentHash: z.string(),
  events: z.array(
    z.object({
      sequence: z.number().int().min(0),
      kind: z.enum([
        'deployment_status',
        'command_queued',
        'command_sent',
        'command_executing',
        'command_completed',
        'command_failed',
        'command_cancelled',
      ]),
      classification: z.enum(['info', 'progress', 'success', 'failure']),
      occurredAt: timestamp,
      summary: z.string(),
      commandId: option(z.string()),
      commandType: option(z.string()),
      status: option(z.string()),
      retryable: option(z.boolean()),
      remediationClass: option(remediationClass),
    }),
  ),
});

export const cliDeployPlan = z.object({
  schemaVersion: z.string(),
  deploymentHash: z.string(),
  operation: z.enum(['deploy', 'deploy_app', 'rollback_deploy']),
  target: z.string(),
  fingerprint: z.string(),
  scope: z.object({ mode: z.string(), appCode: option(z.string()), selectedApps: z.array(z.string()) }),
  hasChanges: z.boolean(),
  actions: z.array(
    z.object({
      kind: z.enum(['reconcile_runtime_env', 'redeploy_app', 'rollback_deploy', 'sync_app_config']),
      target: z.string(),
      appCode: option(z.string()),
      reason: z.string(),
    }),
  ),
  reasoning: z.array(z.string()),
  rollback: option(
    z.object({ requestedTarget: z.string(), currentVersion: z.string(), resolvedVersion: z.string() }),
  ),
});

/** Parses like serde: throws with the path when the reply would not deserialize. */
export function parseAsCli<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new Error(`the CLI could not parse this reply: ${z.prettifyError(result.error)}`);
  return result.data;
}
