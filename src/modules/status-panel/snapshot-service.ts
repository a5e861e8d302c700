import type { Principal } from '../../auth/principal.js';
import { notFound, unauthorized } from '../../infra/http/errors.js';
import {
  type DeploymentAgent,
  deploymentNotFound,
  findDeploymentAgent,
  mayAccessDeployment,
} from '../agents/index.js';
import { type CommandJson, commandsOfDeployment, toCommandJson } from '../commands/index.js';
import type { StatusPanelContext } from './context.js';
import { isAgentOnline } from './liveness.js';
import {
  deploymentAppRows,
  findDeploymentSummary,
  liveDeploymentsOfProject,
  projectOwner,
} from './snapshot-repository.js';

/*
 * The agent snapshot `stacker status` and `stacker agent status|history` read (deployment-lifecycle.md):
 * the agent, its recent commands (results only when asked), one container per app from the recent
 * health results, and the deployment's apps. Owner, admin or that deployment's own agent; others 404.
 */

export interface Snapshot {
  agent: {
    id: string;
    version: string | null;
    capabilities: string[];
    system_info: Record<string, unknown>;
    status: 'online' | 'offline';
    last_heartbeat: string | null;
    deployment_hash: string;
  } | null;
  commands: CommandJson[];
  containers: { id: null; app: string; state: string; image: null; name: null }[];
  apps: Record<string, unknown>[];
}

const HIDDEN_APPS = new Set(['nginx_proxy_manager', 'statuspanel']);
const CONTAINER_WINDOW = 10;

export const emptySnapshot = (): Snapshot => ({ agent: null, commands: [], containers: [], apps: [] });

async function snapshotOf(
  ctx: StatusPanelContext,
  hash: string,
  deployment: { id: number; projectId: number | null },
  agent: DeploymentAgent | undefined,
  options: { commandLimit: number; includeResults: boolean },
): Promise<Snapshot> {
  const limit = Math.max(options.commandLimit, CONTAINER_WINDOW);
  const [rows, online, apps] = await Promise.all([
    commandsOfDeployment(ctx.db, hash, limit),
    isAgentOnline(ctx.db, agent, ctx.clock.now(), ctx.config.agent.offlineAfterSecs),
    deployment.projectId === null ? [] : deploymentAppRows(ctx.db, deployment.projectId, deployment.id),
  ]);
  const containers = new Map<string, Snapshot['containers'][number]>();
  for (const row of rows.slice(0, CONTAINER_WINDOW)) {
    if (row.type !== 'health' || row.status !== 'completed' || !row.app_code || containers.has(row.app_code))
      continue;
    const result = (row.result ?? {}) as Record<string, unknown>;
    const state = typeof result.container_state === 'string' ? result.container_state : 'unknown';
    containers.set(row.app_code, { id: null, app: row.app_code, state, image: null, name: null });
  }
  return {
    agent: agent
      ? {
          id: agent.id,
          version: agent.version,
          capabilities: agent.capabilities,
          system_info: agent.systemInfo,
          status: online ? 'online' : 'offline',
          last_heartbeat: agent.lastHeartbeat?.toISOString() ?? null,
          deployment_hash: hash,
        }
      : null,
    commands: rows.slice(0, options.commandLimit).map((row) => {
      const json = toCommandJson(row, { includeResult: options.includeResults });
      return options.includeResults ? json : { ...json, error: null };
    }),
    containers: [...containers.values()],
    apps: apps.filter((a) => !HIDDEN_APPS.has(String(a.code))),
  };
}

export async function deploymentSnapshot(
  ctx: StatusPanelContext,
  principal: Principal,
  hash: string,
  options: { commandLimit: number; includeResults: boolean },
): Promise<Snapshot> {
  const deployment = await findDeploymentSummary(ctx.db, hash);
  if (principal.kind === 'agent') {
    if (principal.agent.deploymentHash !== hash || deployment === undefined) throw deploymentNotFound();
  } else if (principal.kind === 'user') {
    if (deployment === undefined || !mayAccessDeployment(principal.user, deployment.userId, 'read')) {
      throw deploymentNotFound();
    }
  } else {
    throw unauthorized();
  }
  const found = await findDeploymentAgent(ctx.db, hash);
  return snapshotOf(ctx, hash, deployment, found && !found.revoked ? found : undefined, options);
}

/** The project's online agent heard most recently; none → an empty snapshot (not a 404). */
export async function projectSnapshot(
  ctx: StatusPanelContext,
  principal: Principal,
  projectSegment: string,
  options: { commandLimit: number; includeResults: boolean },
): Promise<{ snapshot: Snapshot; found: boolean }> {
  if (principal.kind !== 'user') throw unauthorized();
  const projectId = /^[0-9]{1,9}$/.test(projectSegment) ? Number(projectSegment) : undefined;
  const owner = projectId === undefined ? undefined : await projectOwner(ctx.db, projectId);
  if (projectId === undefined || owner === undefined || !mayAccessDeployment(principal.user, owner, 'read')) {
    throw notFound('Project', 'project_not_found');
  }
  const now = ctx.clock.now();
  let best:
    | { deployment: { id: number; hash: string; projectId: number | null }; agent: DeploymentAgent }
    | undefined;
  for (const deployment of await liveDeploymentsOfProject(ctx.db, projectId)) {
    const agent = await findDeploymentAgent(ctx.db, deployment.hash);
    if (!agent || agent.revoked) continue;
    if (!(await isAgentOnline(ctx.db, agent, now, ctx.config.agent.offlineAfterSecs))) continue;
    const heard = agent.lastHeartbeat?.getTime() ?? 0;
    if (!best || heard > (best.agent.lastHeartbeat?.getTime() ?? 0)) best = { deployment, agent };
  }
  if (!best) return { snapshot: emptySnapshot(), found: false };
  const snapshot = await snapshotOf(ctx, best.deployment.hash, best.deployment, best.agent, options);
  return { snapshot, found: true };
}
