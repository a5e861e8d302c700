import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import type { DeploymentAgent } from '../agents/index.js';
import { holdsLiveLease } from '../commands/index.js';

/*
 * "Online" (agent-protocol.md): the agent's last call is younger than AGENT_OFFLINE_AFTER_SECS, or it
 * holds an unexpired lease (it runs one command at a time and does not poll meanwhile). Computed at
 * read time from the heartbeat and the leases, never from a stored status.
 */

export function heartbeatIsFresh(lastHeartbeat: Date | null, now: Date, offlineAfterSecs: number): boolean {
  return lastHeartbeat !== null && now.getTime() - lastHeartbeat.getTime() < offlineAfterSecs * 1000;
}

export async function isAgentOnline(
  db: Kysely<Database>,
  agent: DeploymentAgent | undefined,
  now: Date,
  offlineAfterSecs: number,
): Promise<boolean> {
  if (agent === undefined || agent.revoked) return false;
  if (heartbeatIsFresh(agent.lastHeartbeat, now, offlineAfterSecs)) return true;
  return holdsLiveLease(db, agent.deploymentHash, now);
}
