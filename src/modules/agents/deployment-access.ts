import { type Kysely, sql } from 'kysely';
import type { AuthUser } from '../../auth/principal.js';
import { isAdmin } from '../../auth/principal.js';
import type { Database } from '../../infra/db/database.js';
import { prepared } from '../../infra/db/prepared-statements.js';
import { conflict, notFound } from '../../infra/http/errors.js';
import { DEPLOYMENT_HASH_RE } from '../../infra/identifiers.js';
import { type DeploymentAgent, toDeploymentAgent } from './lookup.js';

/*
 * The one access rule for a deployment (api.md: "Owner" means the deployment's user_id is the caller;
 * admins may read any, and delete any, register its agent or rotate its token). Checked before
 * anything else, so a deployment that is not the caller's answers exactly like one that does not
 * exist. Every feature that acts on a deployment asks here (agents, commands, status panel,
 * deployments); it lives in the agents module because that is the lowest module all of them use.
 * This reads the `deployment` row directly because those callers need nothing else from it.
 */

export interface DeploymentRef {
  deploymentHash: string;
  userId: string;
  status: string;
}

/**
 * `read`: owner or admin. `write` (commands, container and compose actions): the owner only.
 * `manage` (delete, agent registration, token rotation): owner or admin.
 */
export type AccessMode = 'read' | 'write' | 'manage';

/** Whether `user` may act in `mode` on a deployment owned by `ownerId` (undefined: no such deployment). */
export function mayAccessDeployment(user: AuthUser, ownerId: string | undefined, mode: AccessMode): boolean {
  if (ownerId !== undefined && ownerId === user.id) return true;
  return mode !== 'write' && isAdmin(user);
}

/** A deleted deployment still reads as such, but nothing new may happen to it. */
export function refuseDeleted(
  deployment: Pick<DeploymentRef, 'deploymentHash' | 'status'> | undefined,
): void {
  if (deployment?.status === 'deleted') {
    throw conflict('deployment_deleted', `Deployment ${deployment.deploymentHash} is deleted.`, {
      status: 'deleted',
    });
  }
}

export async function findDeployment(
  db: Kysely<Database>,
  deploymentHash: string,
): Promise<DeploymentRef | undefined> {
  if (!DEPLOYMENT_HASH_RE.test(deploymentHash)) return undefined;
  const row = await db
    .selectFrom('deployment')
    .select(['deployment_hash', 'user_id', 'status'])
    .where('deployment_hash', '=', deploymentHash)
    .modifyEnd(sql.raw(prepared('agents.deployment')))
    .executeTakeFirst();
  return row ? { deploymentHash: row.deployment_hash, userId: row.user_id, status: row.status } : undefined;
}

export const deploymentNotFound = () => notFound('Deployment', 'deployment_not_found');

/**
 * The deployment when `user` may use it in `mode`, else 404; outside `read`, a deleted deployment is
 * 409 (it still reads as such).
 */
export async function requireDeploymentAccess(
  db: Kysely<Database>,
  deploymentHash: string,
  user: AuthUser,
  mode: AccessMode,
): Promise<DeploymentRef> {
  return checkDeploymentAccess(await findDeployment(db, deploymentHash), deploymentHash, user, mode);
}

/**
 * requireDeploymentAccess, and the deployment's agent read in the same round trip (enqueueing needs
 * both: every statement saved is a round trip on the busiest path of the queue).
 */
export async function requireDeploymentAccessWithAgent(
  db: Kysely<Database>,
  deploymentHash: string,
  user: AuthUser,
  mode: AccessMode,
): Promise<{ deployment: DeploymentRef; agent: DeploymentAgent | undefined }> {
  if (!DEPLOYMENT_HASH_RE.test(deploymentHash)) throw deploymentNotFound();
  const row = await db
    .selectFrom('deployment as d')
    .leftJoin('agent as a', 'a.deployment_hash', 'd.deployment_hash')
    .select([
      'd.deployment_hash',
      'd.user_id',
      'd.status',
      'a.id as agent_id',
      'a.version',
      'a.capabilities',
      'a.system_info',
      'a.last_heartbeat',
      'a.revoked_at',
    ])
    .where('d.deployment_hash', '=', deploymentHash)
    .modifyEnd(sql.raw(prepared('agents.deployment-with-agent')))
    .executeTakeFirst();
  const deployment = row && { deploymentHash: row.deployment_hash, userId: row.user_id, status: row.status };
  const checked = checkDeploymentAccess(deployment, deploymentHash, user, mode);
  const agent =
    row?.agent_id == null
      ? undefined
      : toDeploymentAgent({
          id: row.agent_id,
          deployment_hash: row.deployment_hash,
          version: row.version,
          capabilities: row.capabilities ?? [],
          system_info: row.system_info ?? {},
          last_heartbeat: row.last_heartbeat,
          revoked_at: row.revoked_at,
        });
  return { deployment: checked, agent };
}

/**
 * The access rule alone, for a deployment row read in the caller's own statement (a read that joins
 * the owner saves a round trip). undefined is a deployment that does not exist.
 */
export function checkDeploymentAccess(
  deployment: DeploymentRef | undefined,
  deploymentHash: string,
  user: AuthUser,
  mode: AccessMode,
): DeploymentRef {
  if (!deployment || !mayAccessDeployment(user, deployment.userId, mode)) throw deploymentNotFound();
  if (mode !== 'read') refuseDeleted({ deploymentHash, status: deployment.status });
  return deployment;
}
