import type { Kysely } from 'kysely';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { notify } from '../../infra/db/notify.js';
import { AGENT_CHANGED_CHANNEL } from './channels.js';
import {
  dropPreviousToken,
  findAgentById,
  insertRequestSeen,
  purgeRequestSeen,
  revokeAgentByHash,
} from './repository.js';

/** What agent authentication needs to know about one agent (decrypted: keep it in memory only). */
export interface AgentCredentials {
  id: string;
  deploymentHash: string;
  token: string;
  tokenCiphertext: Buffer;
  previousToken: string | null;
  /** Epoch ms after which the previous token no longer works. */
  previousTokenExpiresAt: number;
  revoked: boolean;
}

export async function loadAgentCredentials(
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
export async function retirePreviousToken(
  db: Kysely<Database>,
  credentials: AgentCredentials,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (await dropPreviousToken(trx, credentials.id, credentials.tokenCiphertext)) {
      await notify(trx, AGENT_CHANGED_CHANNEL, credentials.id);
    }
  });
}

/** Heartbeats are written at most once per agent per this many seconds. */
export const HEARTBEAT_MIN_GAP_SECS = 10;

/**
 * False when this agent already sent `requestId` within the skew window (on any instance). With
 * `heartbeatAt`, records the heartbeat in the same statement (only for a new id).
 */
export async function rememberRequestId(
  db: Kysely<Database>,
  agentId: string,
  requestId: string,
  expiresAt: Date,
  heartbeatAt?: Date,
): Promise<boolean> {
  const heartbeat = heartbeatAt ? { now: heartbeatAt, minGapSecs: HEARTBEAT_MIN_GAP_SECS } : undefined;
  return insertRequestSeen(db, agentId, requestId, expiresAt, heartbeat);
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
