import type { Kysely } from 'kysely';
import type { AuthUser } from '../../auth/principal.js';
import type { Clock } from '../../infra/clock.js';
import type { Database } from '../../infra/db/database.js';
import { DEPLOYMENT_HASH_RE } from '../../infra/identifiers.js';
import { findDeploymentAgent, mayAccessDeployment } from '../agents/index.js';
import { commandsOfDeployment } from '../commands/index.js';
import { isAgentOnline } from '../status-panel/index.js';
import { deploymentEventFeed } from './events.js';
import { findProjectSummary, findStateApps, templateVersionsNewestFirst } from './lifecycle-repository.js';
import type { DeploymentEventFeed, DeploymentState, DeployPlan, PlanQuery } from './lifecycle-schemas.js';
import { buildPlan, type RollbackContext, resolveRollback } from './plan.js';
import { type DeploymentRecord, findDeploymentByHash } from './repository.js';
import { TYPED_SCHEMA_VERSION, typedError, typedNotFound } from './typed-error.js';

export interface LifecycleDeps {
  db: Kysely<Database>;
  clock: Clock;
  offlineAfterSecs: number;
}

// Where the agent keeps the stack on the host (the agent's own fixed layout).
const RUNTIME = {
  composePath: '/home/trydirect/project/docker-compose.yml',
  envPath: '/home/trydirect/project/.env',
};
/** The most commands an event feed is built from (newest first). */
const MAX_EVENT_COMMANDS = 500;

async function ownedDeployment(deps: LifecycleDeps, user: AuthUser, hash: string): Promise<DeploymentRecord> {
  const row = DEPLOYMENT_HASH_RE.test(hash) ? await findDeploymentByHash(deps.db, hash) : undefined;
  if (row === undefined || !mayAccessDeployment(user, row.user_id, 'read')) throw typedNotFound();
  return row;
}

const has = (caps: string[], name: string) =>
  caps.some((c) => {
    const [key, value] = c.split('=', 2).map((s) => s.trim());
    return key === name && !['false', '0', 'no', 'off', 'disabled'].includes((value ?? '').toLowerCase());
  });

async function stateOf(deps: LifecycleDeps, row: DeploymentRecord): Promise<DeploymentState> {
  const [project, agent, apps, [last]] = await Promise.all([
    row.project_id === null ? undefined : findProjectSummary(deps.db, row.project_id),
    findDeploymentAgent(deps.db, row.deployment_hash),
    row.project_id === null ? [] : findStateApps(deps.db, row.project_id, row.id),
    commandsOfDeployment(deps.db, row.deployment_hash, 1),
  ]);
  const live = agent && !agent.revoked ? agent : undefined;
  const online = await isAgentOnline(deps.db, live, deps.clock.now(), deps.offlineAfterSecs);
  const caps = live?.capabilities ?? [];
  const identity = project?.metadata?.identity;
  return {
    schemaVersion: TYPED_SCHEMA_VERSION,
    project: {
      id: project?.id ?? 0,
      identity: typeof identity === 'string' && identity !== '' ? identity : (project?.name ?? ''),
      name: project?.name ?? '',
    },
    deployment: {
      id: row.id,
      deploymentHash: row.deployment_hash,
      status: row.status,
      runtime: row.runtime,
    },
    agent: {
      ...(live ? { id: live.id } : {}),
      status: online ? 'online' : 'offline',
      ...(live?.version ? { version: live.version } : {}),
      ...(live?.lastHeartbeat ? { lastHeartbeat: live.lastHeartbeat.toISOString() } : {}),
      capabilities: caps,
      features: {
        compose: has(caps, 'compose'),
        kataRuntime: has(caps, 'kata'),
        backup: has(caps, 'backup'),
        pipes: has(caps, 'pipes'),
        proxyCredentialsVault: caps.some((c) => c.trim() === 'npm_credential_source=vault'),
      },
    },
    runtime: RUNTIME,
    apps: apps.map((a) => ({
      code: a.code,
      name: a.name,
      enabled: a.enabled,
      configVersion: a.config_version ?? 0,
      vaultSyncVersion: a.vault_sync_version ?? 0,
      ...(a.config_hash ? { configHash: a.config_hash } : {}),
    })),
    drift: { hasDrift: false, summary: 'no drift detected' },
    ...(last
      ? { lastCommand: { type: last.type, status: last.status, finishedAt: last.updated_at.toISOString() } }
      : {}),
  };
}

export async function deploymentState(
  deps: LifecycleDeps,
  user: AuthUser,
  hash: string,
): Promise<DeploymentState> {
  return stateOf(deps, await ownedDeployment(deps, user, hash));
}

export async function deploymentEvents(
  deps: LifecycleDeps,
  user: AuthUser,
  hash: string,
): Promise<DeploymentEventFeed> {
  const row = await ownedDeployment(deps, user, hash);
  const commands = await commandsOfDeployment(deps.db, hash, MAX_EVENT_COMMANDS);
  return deploymentEventFeed(row, commands);
}

export async function deploymentPlan(
  deps: LifecycleDeps,
  user: AuthUser,
  hash: string,
  query: PlanQuery,
): Promise<DeployPlan> {
  const row = await ownedDeployment(deps, user, hash);
  const state = await stateOf(deps, row);
  let rollback: RollbackContext | undefined;
  if (query.operation === 'rollback_deploy') {
    const requested = query.rollbackTarget;
    if (!requested) {
      throw typedError(400, 'invalid_request', 'A rollback plan needs rollbackTarget.', 'configuration');
    }
    const project = row.project_id === null ? undefined : await findProjectSummary(deps.db, row.project_id);
    if (!project?.template_id) {
      throw typedError(
        400,
        'rollback_target_unavailable',
        'Rollback is only available for marketplace deployments with an older template version.',
        'state',
        { context: { rollbackTarget: requested } },
      );
    }
    const versions = await templateVersionsNewestFirst(deps.db, project.template_id);
    rollback = resolveRollback(requested, project.template_version, versions);
  }
  return buildPlan(state, query, rollback);
}
