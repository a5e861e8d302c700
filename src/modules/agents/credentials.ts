import type { Kysely } from 'kysely';
import type { AgentCredentialStore, AgentCredentials } from '../../auth/agent/credential-store.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { GroupBatcher } from '../../infra/db/group-batcher.js';
import { notify } from '../../infra/db/notify.js';
import { AGENT_CHANGED_CHANNEL } from './channels.js';
import {
  dropPreviousToken,
  findAgentById,
  insertRequestSeen,
  purgeRequestSeen,
  revokeAgentByHash,
} from './repository.js';
import { insertRequestsSeen, type RequestSeen } from './request-seen-batch.js';

async function loadAgentCredentials(
  db: Kysely<Database>,
  secretBox: SecretBox,
  agentId: string,
): Promise<AgentCredentials | undefined> {
  const row = await findAgentById(db, agentId);
  if (!row) return undefined;
  const previous =
    row.previous_token_ciphertext && row.previous_token_expires_at
      ? {
          token: secretBox.openString(row.previous_token_ciphertext),
          until: row.previous_token_expires_at.getTime(),
        }
      : undefined;
  return {
    id: row.id,
    deploymentHash: row.deployment_hash,
    token: secretBox.openString(row.token_ciphertext),
    tokenCiphertext: row.token_ciphertext,
    previousToken: previous?.token ?? null,
    previousTokenExpiresAt: previous?.until ?? 0,
    revoked: row.revoked_at !== null,
  };
}

/** The agent used its new token: the old one stops working now, on every instance. */
async function retirePreviousToken(db: Kysely<Database>, credentials: AgentCredentials): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (await dropPreviousToken(trx, credentials.id, credentials.tokenCiphertext)) {
      await notify(trx, AGENT_CHANGED_CHANNEL, credentials.id);
    }
  });
}

/** Heartbeats are written at most once per agent per this many seconds. */
const HEARTBEAT_MIN_GAP_SECS = 10;

async function rememberRequestId(
  db: Kysely<Database>,
  agentId: string,
  requestId: string,
  expiresAt: Date,
  heartbeatAt?: Date,
): Promise<boolean> {
  const heartbeat = heartbeatAt ? { now: heartbeatAt, minGapSecs: HEARTBEAT_MIN_GAP_SECS } : undefined;
  return insertRequestSeen(db, agentId, requestId, expiresAt, heartbeat);
}

/**
 * Agent authentication's view of the agents table (wired into auth by app.ts). Every agent request
 * writes its id to the replay store; requests arriving together share one statement (group commit).
 */
export function agentCredentialStore(
  db: Kysely<Database>,
  secretBox: SecretBox,
  options: { groupCommit?: boolean } = {},
): AgentCredentialStore {
  const seen = new GroupBatcher<RequestSeen, boolean>({
    enabled: options.groupCommit,
    runOne: (r) => rememberRequestId(db, r.agentId, r.requestId, r.expiresAt, r.heartbeatAt),
    runMany: (items) => insertRequestsSeen(db, items, HEARTBEAT_MIN_GAP_SECS),
  });
  return {
    changedChannel: AGENT_CHANGED_CHANNEL,
    heartbeatMinGapSecs: HEARTBEAT_MIN_GAP_SECS,
    load: (agentId) => loadAgentCredentials(db, secretBox, agentId),
    retirePreviousToken: (credentials) => retirePreviousToken(db, credentials),
    rememberRequestId: (agentId, requestId, expiresAt, heartbeatAt) =>
      seen.add({ agentId, requestId, expiresAt, heartbeatAt }),
  };
}

/** Deletes up to `batch` expired replay-store rows (the sweeper calls it under its advisory lock). */
export function purgeExpiredRequestIds(db: Kysely<Database>, now: Date, batch: number): Promise<number> {
  return purgeRequestSeen(db, now, batch);
}

/** Revokes the deployment's agent (its next call is 401 on every instance); returns its id, if any. */
export async function revokeDeploymentAgent(
  trx: Kysely<Database>,
  deploymentHash: string,
  now: Date,
): Promise<string | undefined> {
  const agentId = await revokeAgentByHash(trx, deploymentHash, now);
  if (agentId) await notify(trx, AGENT_CHANGED_CHANNEL, agentId);
  return agentId;
}
