import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { isUuid } from '../../infra/identifiers.js';

/*
 * SQL of the Status Panel: the compose agent registration kept on the `agent` row (its URL, its own id,
 * the sealed token, the last success and failure) and the latest app status per app. Rows or
 * undefined, never HTTP errors.
 */

type Db = Kysely<Database>;

const COMPOSE_COLUMNS = [
  'id',
  'deployment_hash',
  'revoked_at',
  'compose_url',
  'compose_agent_id',
  'compose_token_ciphertext',
  'compose_last_ok_at',
  'compose_last_error',
  'compose_last_error_at',
] as const;

export interface ComposeRow {
  id: string;
  deployment_hash: string;
  revoked_at: Date | null;
  compose_url: string | null;
  compose_agent_id: string | null;
  compose_token_ciphertext: Buffer | null;
  compose_last_ok_at: Date | null;
  compose_last_error: string | null;
  compose_last_error_at: Date | null;
}

export async function findComposeRowByHash(db: Db, deploymentHash: string): Promise<ComposeRow | undefined> {
  return db
    .selectFrom('agent')
    .select(COMPOSE_COLUMNS)
    .where('deployment_hash', '=', deploymentHash)
    .executeTakeFirst();
}

export async function findComposeRowById(db: Db, agentId: string): Promise<ComposeRow | undefined> {
  if (!isUuid(agentId)) return undefined;
  return db.selectFrom('agent').select(COMPOSE_COLUMNS).where('id', '=', agentId).executeTakeFirst();
}

export interface ComposeRegistration {
  url: string;
  composeAgentId: string;
  tokenCiphertext: Buffer;
}

/** A new registration starts with a clean record: the old address's failures say nothing about it. */
export async function setComposeRegistration(
  db: Db,
  agentId: string,
  registration: ComposeRegistration | null,
  now: Date,
): Promise<ComposeRow | undefined> {
  return db
    .updateTable('agent')
    .set({
      compose_url: registration?.url ?? null,
      compose_agent_id: registration?.composeAgentId ?? null,
      compose_token_ciphertext: registration?.tokenCiphertext ?? null,
      compose_last_ok_at: null,
      compose_last_error: null,
      compose_last_error_at: null,
      updated_at: now,
    })
    .where('id', '=', agentId)
    .returning(COMPOSE_COLUMNS)
    .executeTakeFirst();
}

export async function recordComposeSuccess(db: Db, agentId: string, now: Date): Promise<void> {
  await db.updateTable('agent').set({ compose_last_ok_at: now }).where('id', '=', agentId).execute();
}

export async function recordComposeFailure(db: Db, agentId: string, error: string, now: Date): Promise<void> {
  await db
    .updateTable('agent')
    .set({ compose_last_error: error, compose_last_error_at: now })
    .where('id', '=', agentId)
    .execute();
}

export interface AppStatusEntry {
  app_code: string;
  status: string;
  reported_at: Date;
}

export async function listAppStatuses(db: Db, deploymentHash: string): Promise<AppStatusEntry[]> {
  return db
    .selectFrom('app_status')
    .select(['app_code', 'status', 'reported_at'])
    .where('deployment_hash', '=', deploymentHash)
    .orderBy('app_code')
    .execute();
}
