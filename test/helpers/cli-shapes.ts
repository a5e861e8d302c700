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

/** `CloudInfo` (clouds-servers.md, compat): `name` is a string, never null; the credentials may be. */
export const cliCloudInfo = z.object({
  id: i32,
  user_id: z.string(),
  provider: z.string(),
  name: z.string(),
  cloud_token: option(z.string()),
  cloud_key: option(z.string()),
  cloud_secret: option(z.string()),
  save_token: option(z.boolean()),
  created_at: option(z.string()),
  updated_at: option(z.string()),
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

/* `stacker connect --handoff`: the resolve reply's payload and its lockfile (deployment-lifecycle.md). */

const u16 = z.number().int().min(0).max(65_535);

export const cliDeploymentLock = z.object({
  target: z.string(),
  server_ip: option(z.string()),
  ssh_user: option(z.string()),
  ssh_port: option(u16),
  ssh_key: option(z.string()),
  server_name: option(z.string()),
  deployment_id: option(z.number().int()),
  project_id: option(z.number().int()),
  cloud_id: option(i32),
  project_name: option(z.string()),
  stacker_email: option(z.string()),
  deployed_at: z.string(),
});

export const cliHandoffPayload = z.object({
  kind: z.enum(['deployment', 'account']).optional(),
  version: z.number().int().min(0),
  expires_at: z.iso.datetime({ offset: true }),
  project: z.object({ id: i32, name: z.string(), identity: option(z.string()) }),
  deployment: z.object({ id: i32, hash: z.string(), target: z.string(), status: z.string() }),
  server: option(
    z.object({
      ip: option(z.string()),
      ssh_user: option(z.string()),
      ssh_port: option(u16),
      name: option(z.string()),
    }),
  ),
  cloud: option(z.object({ id: i32, provider: option(z.string()), region: option(z.string()) })),
  lockfile: z.unknown().refine((v) => v !== undefined, 'is required'),
  stacker_yml: option(z.string()),
  agent: option(z.object({ base_url: z.string(), deployment_hash: z.string() })),
  credentials: option(
    z.object({
      access_token: z.string(),
      token_type: z.string(),
      expires_at: z.iso.datetime({ offset: true }),
      email: option(z.string()),
      server_url: option(z.string()),
    }),
  ),
});

export const cliHandoffMintResponse = z.object({
  token: z.string(),
  url: z.string(),
  command: z.string(),
  expires_at: z.iso.datetime({ offset: true }),
});

/* The agent's and the CLI's structs for login, link and the snapshot (deployment-lifecycle.md). */

export const agentLoginResponse = z.object({
  session_token: z.string(),
  user_id: z.string(),
  deployments: z.array(
    z.object({
      deployment_id: z.string(),
      stack_name: z.string(),
      status: z.string(),
      created_at: option(z.string()),
      server_ip: option(z.string()),
    }),
  ),
});

export const cliLinkResp = z.object({
  agent_id: z.string(),
  agent_token: z.string(),
  deployment_hash: z.string(),
  dashboard_url: option(z.string()),
});

const agentNotification = z.object({
  id: z.string(),
  kind: z.enum(['stack_update_available', 'stack_published', 'system_notice']),
  title: z.string(),
  message: z.string(),
  stack_id: option(z.string()),
  stack_name: option(z.string()),
  new_version: option(z.string()),
  created_at: z.string(),
  read: option(z.boolean()),
});
export const agentNotificationsReply = z.object({ notifications: z.array(agentNotification) });

export const cliAgentCommandInfo = z.object({
  command_id: z.string(),
  deployment_hash: z.string(),
  type: z.string().optional(),
  status: z.string(),
  priority: z.string().optional(),
  parameters: z.unknown().optional(),
  result: z.unknown().optional(),
  error: z.unknown().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});

/** What `stacker status` and `stacker agent status|history` read from a snapshot reply. */
export const cliSnapshotReply = z.object({
  item: z.object({
    agent: z
      .object({ deployment_hash: z.string(), status: z.unknown(), last_heartbeat: z.unknown() })
      .loose()
      .nullable(),
    apps: z.array(
      z.object({ code: z.unknown(), name: z.unknown(), image: z.unknown(), enabled: z.unknown() }).loose(),
    ),
  }),
  commands: z.array(cliAgentCommandInfo),
  containers: z.array(z.unknown()),
});

/** Parses like serde: throws with the path when the reply would not deserialize. */
export function parseAsCli<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new Error(`the CLI could not parse this reply: ${z.prettifyError(result.error)}`);
  return result.data;
}
