import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../infra/db/database.js';

/*
 * SQL of the admin agents list and the offline gauge. "Last seen" is the last heartbeat, or the
 * registration time for an agent that never called (it has been silent since then). Revoked agents
 * belong to deleted deployments and are left out.
 */

type Db = Kysely<Database>;

export interface AgentLivenessRow {
  id: string;
  deployment_hash: string;
  version: string | null;
  capabilities: string[];
  last_heartbeat: Date | null;
  last_seen: Date;
  compose_registered: boolean;
}

export interface AgentFilter {
  /** Only agents whose last call is older than this (offline at least that long). */
  silentSince?: Date;
  /**
   * Only agents listing this capability name (as `name` or `name=value`); the caller still applies
   * the catalog's rule to the value (`kata=false` is not the capability).
   */
  capability?: string;
}

// Milliseconds, like the JS Date a cursor carries: a microsecond remainder would repeat a row.
const lastSeen = sql<Date>`date_trunc('milliseconds', coalesce(agent.last_heartbeat, agent.created_at))`;

function filters(filter: AgentFilter): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [sql<SqlBool>`agent.revoked_at IS NULL`];
  if (filter.silentSince !== undefined) where.push(sql<SqlBool>`${lastSeen} < ${filter.silentSince}`);
  if (filter.capability !== undefined) {
    where.push(sql<SqlBool>`EXISTS (
      SELECT 1 FROM jsonb_array_elements_text(agent.capabilities) AS c(entry)
      WHERE btrim(split_part(c.entry, '=', 1)) = ${filter.capability})`);
  }
  return where;
}

export interface AgentPageCursor {
  lastSeen: Date;
  id: string;
}

/** Longest silent first (what an operator looks at first), keyset-paginated on (last seen, id). */
export async function listAgentsBySilence(
  db: Db,
  filter: AgentFilter,
  limit: number,
  after?: AgentPageCursor,
): Promise<AgentLivenessRow[]> {
  const where = filters(filter);
  if (after !== undefined) {
    where.push(sql<SqlBool>`(${lastSeen}, agent.id) > (${after.lastSeen}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await db
    .selectFrom('agent')
    .select([
      'agent.id',
      'agent.deployment_hash',
      'agent.version',
      'agent.capabilities',
      'agent.last_heartbeat',
      lastSeen.as('last_seen'),
      sql<boolean>`agent.compose_url IS NOT NULL AND agent.compose_token_ciphertext IS NOT NULL`.as(
        'compose_registered',
      ),
    ])
    .where((eb) => eb.and(where))
    .orderBy(lastSeen)
    .orderBy('agent.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    ...row,
    capabilities: Array.isArray(row.capabilities) ? row.capabilities : [],
  }));
}

/** Every agent matching the filter, with only what the gauge needs. */
export async function findSilentAgents(
  db: Db,
  filter: AgentFilter,
): Promise<{ deployment_hash: string; capabilities: string[] }[]> {
  const rows = await db
    .selectFrom('agent')
    .select(['agent.deployment_hash', 'agent.capabilities'])
    .where((eb) => eb.and(filters(filter)))
    .execute();
  return rows.map((row) => ({
    deployment_hash: row.deployment_hash,
    capabilities: Array.isArray(row.capabilities) ? row.capabilities : [],
  }));
}
