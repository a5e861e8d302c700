import { z } from 'zod';
import { REMEDIATION_CLASSES } from './typed-error.js';

// The camelCase shapes of a deployment's state, events and plan (deployment-lifecycle.md), which the CLI
// deserializes strictly: members marked optional are left out rather than sent as null.

const timestamp = z.string().meta({ example: '2026-12-04T20:15:00.000Z' });

export const deploymentStateSchema = z
  .object({
    schemaVersion: z.literal('v1alpha1'),
    project: z.object({ id: z.number().int(), identity: z.string(), name: z.string() }),
    deployment: z.object({
      id: z.number().int(),
      deploymentHash: z.string(),
      status: z.string(),
      runtime: z.string(),
    }),
    agent: z.object({
      id: z.string().optional(),
      status: z.string(),
      version: z.string().optional(),
      lastHeartbeat: timestamp.optional(),
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
        configVersion: z.number().int(),
        vaultSyncVersion: z.number().int(),
        configHash: z.string().optional(),
      }),
    ),
    drift: z.object({ hasDrift: z.boolean(), summary: z.string() }),
    lastCommand: z.object({ type: z.string(), status: z.string(), finishedAt: timestamp }).optional(),
  })
  .meta({
    id: 'DeploymentState',
    example: {
      schemaVersion: 'v1alpha1',
      project: { id: 7, identity: 'shop', name: 'shop' },
      deployment: { id: 12, deploymentHash: 'deployment_0b6d…', status: 'completed', runtime: 'runc' },
      agent: {
        id: '5f0c…',
        status: 'online',
        version: '0.2.1',
        lastHeartbeat: '2026-12-04T20:15:00.000Z',
        capabilities: ['docker', 'compose', 'logs'],
        features: {
          compose: true,
          kataRuntime: false,
          backup: false,
          pipes: false,
          proxyCredentialsVault: false,
        },
      },
      runtime: {
        composePath: '/home/trydirect/project/docker-compose.yml',
        envPath: '/home/trydirect/project/.env',
      },
      apps: [{ code: 'web', name: 'Web', enabled: true, configVersion: 2, vaultSyncVersion: 1 }],
      drift: { hasDrift: false, summary: 'no drift detected' },
      lastCommand: { type: 'health', status: 'completed', finishedAt: '2026-12-04T20:14:58.000Z' },
    },
  });
export type DeploymentState = z.infer<typeof deploymentStateSchema>;

export const EVENT_KINDS = [
  'deployment_status',
  'command_queued',
  'command_sent',
  'command_executing',
  'command_completed',
  'command_failed',
  'command_cancelled',
] as const;
export const EVENT_CLASSIFICATIONS = ['info', 'progress', 'success', 'failure'] as const;

export const deploymentEventFeedSchema = z
  .object({
    schemaVersion: z.literal('v1alpha1'),
    deploymentHash: z.string(),
    events: z.array(
      z.object({
        sequence: z.number().int().min(1),
        kind: z.enum(EVENT_KINDS),
        classification: z.enum(EVENT_CLASSIFICATIONS),
        occurredAt: timestamp,
        summary: z.string(),
        commandId: z.string().optional(),
        commandType: z.string().optional(),
        status: z.string().optional(),
        retryable: z.boolean().optional(),
        remediationClass: z.enum(REMEDIATION_CLASSES).optional(),
      }),
    ),
  })
  .meta({
    id: 'DeploymentEventFeed',
    example: {
      schemaVersion: 'v1alpha1',
      deploymentHash: 'deployment_0b6d…',
      events: [
        {
          sequence: 1,
          kind: 'command_queued',
          classification: 'info',
          occurredAt: '2026-12-04T20:14:00.000Z',
          summary: 'health queued',
          commandId: 'cmd_…',
          commandType: 'health',
          status: 'queued',
        },
      ],
    },
  });
export type DeploymentEventFeed = z.infer<typeof deploymentEventFeedSchema>;
export type DeploymentEvent = DeploymentEventFeed['events'][number];

export const PLAN_OPERATIONS = ['deploy', 'deploy_app', 'rollback_deploy'] as const;
export const PLAN_ACTION_KINDS = [
  'reconcile_runtime_env',
  'redeploy_app',
  'rollback_deploy',
  'sync_app_config',
] as const;

export const planQuery = z.object({
  operation: z.enum(PLAN_OPERATIONS).default('deploy'),
  target: z.string().trim().min(1).max(32).default('cloud'),
  appCode: z.string().trim().max(64).optional(),
  rollbackTarget: z.string().trim().max(64).optional(),
  expectedFingerprint: z.string().trim().max(128).optional(),
});
export type PlanQuery = z.output<typeof planQuery>;

export const deployPlanSchema = z
  .object({
    schemaVersion: z.literal('v1alpha1'),
    deploymentHash: z.string(),
    operation: z.enum(PLAN_OPERATIONS),
    target: z.string(),
    fingerprint: z.string(),
    scope: z.object({
      mode: z.enum(['deployment', 'app']),
      appCode: z.string().optional(),
      selectedApps: z.array(z.string()),
    }),
    hasChanges: z.boolean(),
    actions: z.array(
      z.object({
        kind: z.enum(PLAN_ACTION_KINDS),
        target: z.enum(['deployment', 'app']),
        appCode: z.string().optional(),
        reason: z.string(),
      }),
    ),
    reasoning: z.array(z.string()),
    rollback: z
      .object({ requestedTarget: z.string(), currentVersion: z.string(), resolvedVersion: z.string() })
      .optional(),
  })
  .meta({
    id: 'DeployPlan',
    example: {
      schemaVersion: 'v1alpha1',
      deploymentHash: 'deployment_0b6d…',
      operation: 'deploy',
      target: 'cloud',
      fingerprint: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      scope: { mode: 'deployment', selectedApps: ['web'] },
      hasChanges: true,
      actions: [
        {
          kind: 'sync_app_config',
          target: 'app',
          appCode: 'web',
          reason: 'app config version is ahead of the synced version',
        },
      ],
      reasoning: ['at least one selected app has unsynced config changes'],
    },
  });
export type DeployPlan = z.infer<typeof deployPlanSchema>;
