import type { Kysely } from 'kysely';
import type { Clock } from '../../infra/clock.js';
import type { Database } from '../../infra/db/database.js';
import type { ProgressOutcome } from '../../integrations/install-service/progress-handler.js';
import type { ProgressUpdate } from '../../integrations/install-service/progress-message.js';
import { applyProgressChange, FINAL_STATUSES, findDeploymentStatus } from './repository.js';

const FINAL: ReadonlySet<string> = new Set(FINAL_STATUSES);

/**
 * Applies one progress message of the Install Service (install-service.md, the status rules):
 * `completed`, `cancelled` and `deleted` are final and nothing moves a deployment out of them;
 * `failed`/`error` may move on (the Install Service retries); a message that changes nothing (a
 * duplicate) writes nothing. The guard is in the UPDATE itself, so a DELETE committing at the same
 * moment cannot be overwritten.
 */
export async function applyInstallProgress(
  deps: { db: Kysely<Database>; clock: Clock },
  update: ProgressUpdate,
): Promise<ProgressOutcome> {
  const changed = await applyProgressChange(deps.db, update.target, {
    status: update.status,
    message: update.message,
    serverIp: update.serverIp,
    metadata: update.details,
    now: deps.clock.now(),
  });
  if (changed) return 'updated';
  const status = await findDeploymentStatus(deps.db, update.target);
  if (status === undefined) return 'unknown';
  return FINAL.has(status) ? 'final' : 'unchanged';
}
