import type { AuthUser } from '../../auth/principal.js';
import { AppError, conflict } from '../../infra/http/errors.js';
import { DEPLOYMENT_HASH_RE } from '../../infra/identifiers.js';
import { deploymentNotFound, mayAccessDeployment } from '../agents/index.js';
import {
  findDeploymentByHash,
  findNewestLiveDeploymentOfProject,
  findProjectOwner,
  lockDeploymentByHash,
  lockDeploymentById,
  markForceCompleted,
} from './repository.js';
import type { DeploymentView } from './schemas.js';
import { type DeploymentDeps, deploymentIdOf } from './service.js';
import { deploymentView } from './views.js';

// The reads the CLI polls while it deploys, and the owner's way out of a stuck deployment.

const MAX_ID = 2_147_483_647;

/**
 * The project's newest deployment that is not deleted. `stacker deploy --watch` polls this every 5 s;
 * a deployment that is neither the caller's nor in a project of theirs answers 404 like none.
 */
export async function getProjectDeployment(
  deps: DeploymentDeps,
  user: AuthUser,
  projectSegment: string,
): Promise<DeploymentView> {
  const none = () => new AppError(404, 'deployment_not_found', 'No deployment found for this project.');
  const projectId = deploymentIdOf(projectSegment);
  if (projectId === undefined || projectId > MAX_ID) throw none();
  const row = await findNewestLiveDeploymentOfProject(deps.db, projectId);
  if (row === undefined) throw none();
  if (!mayAccessDeployment(user, row.user_id, 'read')) {
    const owner = await findProjectOwner(deps.db, projectId);
    if (owner === undefined || !mayAccessDeployment(user, owner, 'read')) throw none();
  }
  return deploymentView(row);
}

/** Statuses an owner may force to `completed` without `force=true`. */
const STUCK_STATUSES = new Set(['paused', 'error']);

/**
 * `completed` by the owner's hand: from `paused` or `error`, or from any status but `deleted` with
 * `force`. The old status is kept in metadata (`force_completed_from`, `force_override`).
 */
export async function forceComplete(
  deps: DeploymentDeps,
  user: AuthUser,
  segment: string,
  force: boolean,
): Promise<DeploymentView> {
  const id = deploymentIdOf(segment);
  if (id === undefined && !DEPLOYMENT_HASH_RE.test(segment)) throw deploymentNotFound();
  if (id !== undefined && id > MAX_ID) throw deploymentNotFound();
  return deps.db.transaction().execute(async (trx) => {
    const row =
      id !== undefined ? await lockDeploymentById(trx, id) : await lockDeploymentByHash(trx, segment);
    if (row === undefined || !mayAccessDeployment(user, row.user_id, 'manage')) throw deploymentNotFound();
    if (row.status === 'deleted' || (!force && !STUCK_STATUSES.has(row.status))) {
      throw conflict(
        'invalid_transition',
        `Cannot force-complete deployment with status '${row.status}'. ` +
          (row.status === 'deleted'
            ? 'A deleted deployment stays deleted.'
            : 'Only paused or error deployments can be force-completed (force=true overrides).'),
        { from: row.status, to: 'completed' },
      );
    }
    await markForceCompleted(trx, row.id, row.status, force, deps.clock.now());
    const after = await findDeploymentByHash(trx, row.deployment_hash);
    return deploymentView(after ?? row);
  });
}
