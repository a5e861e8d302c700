import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { type AgentRow, findAgentByHash } from './repository.js';

/** What other features need to know about a deployment's agent (never its tokens). */
export interface DeploymentAgent {
  id: string;
  deploymentHash: string;
  version: string | null;
  capabilities: string[];
  systemInfo: Record<string, unknown>;
  lastHeartbeat: Date | null;
  revoked: boolean;
}

export async function findDeploymentAgent(
  db: Kysely<Database>,
  deploymentHash: string,
): Promise<DeploymentAgent | undefined> {
  const row = await findAgentByHash(db, deploymentHash);
  return row ? toDeploymentAgent(row) : undefined;
}

export function toDeploymentAgent(
  row: Pick<
    AgentRow,
    'id' | 'deployment_hash' | 'version' | 'capabilities' | 'system_info' | 'last_heartbeat' | 'revoked_at'
  >,
): DeploymentAgent {
  return {
    id: row.id,
    deploymentHash: row.deployment_hash,
    version: row.version,
    capabilities: Array.isArray(row.capabilities) ? row.capabilities : [],
    systemInfo: row.system_info ?? {},
    lastHeartbeat: row.last_heartbeat,
    revoked: row.revoked_at !== null,
  };
}
