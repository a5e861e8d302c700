import type { Principal } from '../../auth/principal.js';
import { unauthorized } from '../../infra/http/errors.js';
import {
  type DeploymentAgent,
  deploymentNotFound,
  findDeploymentAgent,
  requireDeploymentAccess,
} from '../agents/index.js';
import { type AvailableCommand, availableCommands, hasCapability } from '../commands/index.js';
import { composeState, type FallbackReason } from './compose-state.js';
import type { StatusPanelContext } from './context.js';
import { isAgentOnline } from './liveness.js';
import { findComposeRowByHash, listAppStatuses } from './repository.js';

/** The capabilities reply of status-panel.md, field for field. */
export interface CapabilitiesItem {
  deployment_hash: string;
  agent_id: string | null;
  status: 'online' | 'offline';
  last_heartbeat: string | null;
  version: string | null;
  system_info: Record<string, unknown>;
  capabilities: string[];
  commands: AvailableCommand[];
  features: { kata_runtime: boolean; compose: boolean; backup: boolean; logs: boolean };
  apps: { app_code: string; status: string; updated_at: string }[];
  compose_agent: boolean;
  fallback_reason: FallbackReason | null;
}

/**
 * The owner, an admin, or the deployment's own agent; everyone else gets the 404 of a deployment that
 * does not exist, before anything else is read.
 */
async function authorize(ctx: StatusPanelContext, principal: Principal, deploymentHash: string) {
  if (principal.kind === 'agent') {
    if (principal.agent.deploymentHash !== deploymentHash) throw deploymentNotFound();
    return;
  }
  if (principal.kind !== 'user') throw unauthorized();
  await requireDeploymentAccess(ctx.db, deploymentHash, principal.user, 'read');
}

export async function getCapabilities(
  ctx: StatusPanelContext,
  principal: Principal,
  deploymentHash: string,
): Promise<CapabilitiesItem> {
  await authorize(ctx, principal, deploymentHash);
  const now = ctx.clock.now();
  const found = await findDeploymentAgent(ctx.db, deploymentHash);
  // A revoked agent (a deleted deployment) can do nothing: shown like no agent at all.
  const agent: DeploymentAgent | undefined = found && !found.revoked ? found : undefined;
  const [online, row, apps] = await Promise.all([
    isAgentOnline(ctx.db, agent, now, ctx.config.agent.offlineAfterSecs),
    agent ? findComposeRowByHash(ctx.db, deploymentHash) : undefined,
    agent ? listAppStatuses(ctx.db, deploymentHash) : [],
  ]);
  const capabilities = agent?.capabilities ?? [];
  const compose = composeState({ capabilities: agent?.capabilities, row, online });
  return {
    deployment_hash: deploymentHash,
    agent_id: agent?.id ?? null,
    status: online ? 'online' : 'offline',
    last_heartbeat: agent?.lastHeartbeat?.toISOString() ?? null,
    version: agent?.version ?? null,
    system_info: agent?.systemInfo ?? {},
    capabilities,
    commands: agent ? availableCommands(capabilities) : [],
    features: {
      kata_runtime: hasCapability(capabilities, 'kata'),
      compose: hasCapability(capabilities, 'compose'),
      backup: hasCapability(capabilities, 'backup'),
      logs: hasCapability(capabilities, 'logs'),
    },
    apps: apps.map((app) => ({
      app_code: app.app_code,
      status: app.status,
      updated_at: app.reported_at.toISOString(),
    })),
    compose_agent: compose.available,
    fallback_reason: compose.fallbackReason,
  };
}
