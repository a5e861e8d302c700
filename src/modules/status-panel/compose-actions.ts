import type { RateLimitBucket } from '../../config.js';
import type { AccessMode } from '../agents/index.js';

/*
 * Stacker's compose routes and the agent command each one runs (compose-agent.md, "Stacker's compose
 * routes map to it"), with the bucket it spends, who may call it, and the legacy route over the pull
 * queue that does the same job when the deployment has no usable compose agent.
 */

export const COMPOSE_ACTIONS = ['status', 'logs', 'metrics', 'restart'] as const;
export type ComposeAction = (typeof COMPOSE_ACTIONS)[number];

export interface LegacyRoute {
  method: 'GET' | 'POST';
  path: string;
}

export interface ComposeActionSpec {
  /** The agent command (`name` of the execute call). */
  command: 'health' | 'logs' | 'restart';
  /** Parameters the route always sends, whatever the caller asked. */
  fixed: Record<string, unknown>;
  /** Reads are open to admins too; a restart is the owner's. */
  access: AccessMode;
  bucket?: RateLimitBucket;
  legacy: (deploymentHash: string, appCode: string) => LegacyRoute;
}

const enc = encodeURIComponent;

const healthRoute = (hash: string, app: string): LegacyRoute => ({
  method: 'GET',
  path: `/api/health/deployment/${enc(hash)}/app/${enc(app)}`,
});

export const COMPOSE_ACTION_SPECS: Readonly<Record<ComposeAction, ComposeActionSpec>> = {
  status: { command: 'health', fixed: { include_metrics: false }, access: 'read', legacy: healthRoute },
  metrics: { command: 'health', fixed: { include_metrics: true }, access: 'read', legacy: healthRoute },
  // The agent redacts too; Stacker's own pass runs on the reply whatever the agent did.
  logs: {
    command: 'logs',
    fixed: { redact: true },
    access: 'read',
    bucket: 'logs',
    legacy: (hash, app) => ({
      method: 'GET',
      path: `/api/v1/deployments/${enc(hash)}/containers/${enc(app)}/logs`,
    }),
  },
  restart: {
    command: 'restart',
    fixed: {},
    access: 'write',
    bucket: 'restart',
    legacy: (hash, app) => ({
      method: 'POST',
      path: `/api/v1/deployments/${enc(hash)}/containers/${enc(app)}/restart`,
    }),
  },
};
