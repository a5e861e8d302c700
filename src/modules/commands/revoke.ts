import type { Kysely } from 'kysely';
import { writeAudit } from '../../infra/audit/audit-log.js';
import type { Database } from '../../infra/db/database.js';
import { notify } from '../../infra/db/notify.js';
import { revokeDeploymentAgent } from '../agents/index.js';
import { COMMAND_CHANGED_CHANNEL } from './channels.js';
import { cancelQueuedForDeployment } from './sweep-repository.js';

/**
 * For `DELETE /api/v1/deployments/{hash}` (agent-protocol.md, "Deleting a deployment"), inside the
 * deployments feature's transaction: the agent is revoked (its next call is 401, on every instance)
 * and the queued commands are cancelled with code `deployment_deleted`. Commands already `sent` are on
 * the host: their report or lease expiry settles them.
 */
export async function revokeDeploymentAgentAndCommands(
  trx: Kysely<Database>,
  deploymentHash: string,
  now: Date = new Date(),
): Promise<{ agentId: string | undefined; cancelled: string[] }> {
  const agentId = await revokeDeploymentAgent(trx, deploymentHash, now);
  const cancelled = await cancelQueuedForDeployment(trx, deploymentHash, now);
  if (cancelled.length > 0) {
    await notify(trx, COMMAND_CHANGED_CHANNEL, deploymentHash);
    await writeAudit(
      trx,
      cancelled.map((c) => ({
        action: 'command.cancelled' as const,
        actorType: 'system' as const,
        deploymentHash,
        target: c.command_id,
        outcome: 'deployment_deleted',
        details: { type: c.type, reason: 'deployment_deleted' },
        at: now,
      })),
    );
  }
  return { agentId, cancelled: cancelled.map((c) => c.command_id) };
}
