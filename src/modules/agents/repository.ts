import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { prepared } from '../../infra/db/prepared-statements.js';
import { isUuid } from '../../infra/identifiers.js';

/* SQL of the agents feature. Returns rows or undefined, never HTTP errors. */

const AGENT_COLUMNS = [
  'id',
  'deployment_hash',
  'version',
  'capabilities',
  'system_info',
  'token_ciphertext',
  'previous_token_ciphertext',
  'previous_token_expires_at',
  'last_heartbeat',
  'revoked_at',
  'created_at',
  'updated_at',
] as const;

export interface AgentRow {
  id: string;
  deployment_hash: string;
  version: string | null;
  capabilities: string[];
  system_info: Record<string, unknown>;
  token_ciphertext: Buffer;
  previous_token_ciphertext: Buffer | null;
  previous_token_expires_at: Date | null;
  last_heartbeat: Date | null;
  revoked_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export async function findAgentById(db: Kysely<Database>, id: string): Promise<AgentRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('agent')
    .select(AGENT_COLUMNS)
    .where('id', '=', id)
    .modifyEnd(sql.raw(prepared('agents.by-id')))
    .executeTakeFirst();
}

export async function findAgentByHash(db: Kysely<Database>, hash: string): Promise<AgentRow | undefined> {
  return db.selectFrom('agent').select(AGENT_COLUMNS).where('deployment_hash', '=', hash).executeTakeFirst();
}

export async function lockAgentByHash(
  trx: Transaction<Database>,
  hash: string,
): Promise<AgentRow | undefined> {
  return trx
    .selectFrom('agent')
    .select(AGENT_COLUMNS)
    .where('deployment_hash', '=', hash)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockAgentById(trx: Transaction<Database>, id: string): Promise<AgentRow | undefined> {
  if (!isUuid(id)) return undefined;
  return trx.selectFrom('agent').select(AGENT_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

export interface NewAgent {
  deploymentHash: string;
  version: string | null;
  capabilities: string[];
  systemInfo: Record<string, unknown>;
  tokenCiphertext: Buffer;
  now: Date;
}

/** Inserts unless the deployment already has an agent (a concurrent registration): then undefined. */
export async function insertAgent(
  trx: Transaction<Database>,
  agent: NewAgent,
): Promise<AgentRow | undefined> {
  return trx
    .insertInto('agent')
    .values({
      deployment_hash: agent.deploymentHash,
      version: agent.version,
      capabilities: JSON.stringify(agent.capabilities),
      system_info: JSON.stringify(agent.systemInfo),
      token_ciphertext: agent.tokenCiphertext,
      created_at: agent.now,
      updated_at: agent.now,
    })
    .onConflict((oc) => oc.column('deployment_hash').doNothing())
    .returning(AGENT_COLUMNS)
    .executeTakeFirst();
}

export interface AgentPatch {
  version?: string | null;
  capabilities?: string[];
  systemInfo?: Record<string, unknown>;
  tokenCiphertext?: Buffer;
  previousTokenCiphertext?: Buffer | null;
  previousTokenExpiresAt?: Date | null;
  revokedAt?: Date | null;
  now: Date;
}

export async function updateAgent(
  trx: Transaction<Database>,
  id: string,
  patch: AgentPatch,
): Promise<AgentRow> {
  return trx
    .updateTable('agent')
    .set({
      ...(patch.version !== undefined ? { version: patch.version } : {}),
      ...(patch.capabilities ? { capabilities: JSON.stringify(patch.capabilities) } : {}),
      ...(patch.systemInfo ? { system_info: JSON.stringify(patch.systemInfo) } : {}),
      ...(patch.tokenCiphertext ? { token_ciphertext: patch.tokenCiphertext } : {}),
      ...(patch.previousTokenCiphertext !== undefined
        ? { previous_token_ciphertext: patch.previousTokenCiphertext }
        : {}),
      ...(patch.previousTokenExpiresAt !== undefined
        ? { previous_token_expires_at: patch.previousTokenExpiresAt }
        : {}),
      ...(patch.revokedAt !== undefined ? { revoked_at: patch.revokedAt } : {}),
      updated_at: patch.now,
    })
    .where('id', '=', id)
    .returning(AGENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/**
 * Forgets the previous token once the agent has used the current one. Guarded by the current
 * ciphertext, so a rotation that committed meanwhile is not undone. True when a row changed.
 */
export async function dropPreviousToken(
  db: Kysely<Database>,
  id: string,
  currentCiphertext: Buffer,
): Promise<boolean> {
  const result = await db
    .updateTable('agent')
    .set({ previous_token_ciphertext: null, previous_token_expires_at: null })
    .where('id', '=', id)
    .where('token_ciphertext', '=', currentCiphertext)
    .where('previous_token_ciphertext', 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function revokeAgentByHash(
  trx: Kysely<Database>,
  hash: string,
  now: Date,
): Promise<string | undefined> {
  const row = await trx
    .updateTable('agent')
    .set({ revoked_at: now, updated_at: now })
    .where('deployment_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface AppStatusRow {
  deploymentHash: string;
  appCode: string;
  status: string;
  logs: string[];
  reportedAt: Date;
}

export async function upsertAppStatus(db: Kysely<Database>, row: AppStatusRow): Promise<void> {
  await db
    .insertInto('app_status')
    .values({
      deployment_hash: row.deploymentHash,
      app_code: row.appCode,
      status: row.status,
      logs: JSON.stringify(row.logs),
      reported_at: row.reportedAt,
    })
    .onConflict((oc) =>
      oc.columns(['deployment_hash', 'app_code']).doUpdateSet({
        status: row.status,
        logs: JSON.stringify(row.logs),
        reported_at: row.reportedAt,
      }),
    )
    .execute();
}

/**
 * Remembers a request id until `expiresAt`; false when this agent already used it (a replay). With
 * `heartbeat`, the same statement also records the heartbeat (at most once per `minGapSecs`, and only
 * when the id was new): a poll then costs one round trip before its claim, not two.
 */
export async function insertRequestSeen(
  db: Kysely<Database>,
  agentId: string,
  requestId: string,
  expiresAt: Date,
  heartbeat?: { now: Date; minGapSecs: number },
): Promise<boolean> {
  if (!heartbeat) {
    const row = await db
      .insertInto('agent_request_seen')
      .values({ agent_id: agentId, request_id: requestId, expires_at: expiresAt })
      .onConflict((oc) => oc.columns(['agent_id', 'request_id']).doNothing())
      .returning('agent_id')
      .modifyEnd(sql.raw(prepared('agents.request-seen')))
      .executeTakeFirst();
    return row !== undefined;
  }
  const { now, minGapSecs } = heartbeat;
  const result = await sql<{ n: number }>`${sql.raw(prepared('agents.request-seen-heartbeat'))}
    WITH seen AS (
      INSERT INTO agent_request_seen (agent_id, request_id, expires_at)
      VALUES (${agentId}::uuid, ${requestId}, ${expiresAt}::timestamptz)
      ON CONFLICT (agent_id, request_id) DO NOTHING
      RETURNING agent_id
    ), beat AS (
      UPDATE agent SET last_heartbeat = ${now}::timestamptz
      WHERE id = (SELECT agent_id FROM seen)
        AND (last_heartbeat IS NULL
             OR last_heartbeat < ${now}::timestamptz - make_interval(secs => ${minGapSecs}::int))
    )
    SELECT count(*)::int AS n FROM seen`.execute(db);
  return (result.rows[0]?.n ?? 0) > 0;
}

/** Deletes up to `batch` expired replay rows; returns how many went. */
export async function purgeRequestSeen(db: Kysely<Database>, now: Date, batch: number): Promise<number> {
  const result = await sql<{ n: number }>`
    WITH gone AS (
      DELETE FROM agent_request_seen
      WHERE ctid IN (SELECT ctid FROM agent_request_seen WHERE expires_at < ${now} LIMIT ${batch})
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM gone`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** The deployment's id (the dashboard link names it), or undefined. */
export async function findDeploymentIdByHash(
  db: Kysely<Database>,
  hash: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('deployment')
    .select('id')
    .where('deployment_hash', '=', hash)
    .executeTakeFirst();
  return row?.id;
}
