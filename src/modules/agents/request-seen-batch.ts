import { type Kysely, sql } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { prepared } from '../../infra/db/prepared-statements.js';

export interface RequestSeen {
  agentId: string;
  requestId: string;
  expiresAt: Date;
  /** Record the heartbeat too (only when the id was new), at this time. */
  heartbeatAt: Date | undefined;
}

/**
 * insertRequestSeen for many requests in ONE statement (the replay store's group commit): true per
 * item whose id was new. The same (agent, id) twice in one batch is a replay of the first, decided
 * here, because the INSERT would see it as one conflict without saying which of the two was first.
 * The heartbeat update locks agent rows in no fixed order: two batches that both beat the same two
 * agents can deadlock, Postgres aborts one and its items run again one by one (GroupBatcher).
 */
export async function insertRequestsSeen(
  db: Kysely<Database>,
  items: RequestSeen[],
  heartbeatMinGapSecs: number,
): Promise<boolean[]> {
  const key = (item: RequestSeen) => `${item.agentId} ${item.requestId}`;
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    if (!first.has(key(item))) first.set(key(item), i);
  });
  const unique = [...first.values()].map((i) => items[i]!);
  const result = await sql<{
    agent_id: string;
    request_id: string;
  }>`${sql.raw(prepared('agents.request-seen-batch'))}
    WITH input AS (
      SELECT * FROM unnest(${unique.map((i) => i.agentId)}::uuid[], ${unique.map((i) => i.requestId)}::text[],
                           ${unique.map((i) => i.expiresAt)}::timestamptz[],
                           ${unique.map((i) => i.heartbeatAt ?? null)}::timestamptz[])
        AS i(agent_id, request_id, expires_at, beat_at)
    ), seen AS (
      INSERT INTO agent_request_seen (agent_id, request_id, expires_at)
      SELECT agent_id, request_id, expires_at FROM input
      ON CONFLICT (agent_id, request_id) DO NOTHING
      RETURNING agent_id, request_id
    ), beat AS (
      UPDATE agent a SET last_heartbeat = i.beat_at
      FROM seen s JOIN input i ON i.agent_id = s.agent_id AND i.request_id = s.request_id
      WHERE a.id = s.agent_id AND i.beat_at IS NOT NULL
        AND (a.last_heartbeat IS NULL
             OR a.last_heartbeat < i.beat_at - make_interval(secs => ${heartbeatMinGapSecs}::int))
    )
    SELECT agent_id::text AS agent_id, request_id FROM seen`.execute(db);
  const fresh = new Set(result.rows.map((r) => `${r.agent_id} ${r.request_id}`));
  return items.map((item, i) => first.get(key(item)) === i && fresh.has(key(item)));
}
