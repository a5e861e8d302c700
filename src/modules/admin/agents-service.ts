import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../infra/clock.js';
import type { Database } from '../../infra/db/database.js';
import { cursorDate, cursorUuid, decodeCursor, encodeCursor } from '../../infra/http/cursor.js';
import { deploymentsHoldingLeases, hasCapability } from '../commands/index.js';
import { heartbeatIsFresh } from '../status-panel/index.js';
import { type AgentLivenessRow, findSilentAgents, listAgentsBySilence } from './agents-repository.js';
import type { AgentListQuery, AgentView } from './agents-schemas.js';

/*
 * Agents by liveness, for ops (api.md: GET /api/admin/agents?offline_for=15m&capability=). Offline is
 * the protocol's rule: no call for AGENT_OFFLINE_AFTER_SECS and no lease held. `offline_for` asks for
 * agents offline at least that long, which can never be less than the offline threshold itself.
 */

export interface AdminAgentsDeps {
  db: Kysely<Database>;
  clock: Clock;
  offlineAfterSecs: number;
}

function silentSince(now: Date, offlineForSecs: number, offlineAfterSecs: number): Date {
  return new Date(now.getTime() - Math.max(offlineForSecs, offlineAfterSecs) * 1000);
}

const agentsCursor = z.tuple([z.literal('agents'), cursorDate, cursorUuid]);

const nextAgentsCursor = (row: AgentLivenessRow): string =>
  encodeCursor(['agents', row.last_seen.toISOString(), row.id]);

function afterCursor(cursor: string | undefined): { lastSeen: Date; id: string } | undefined {
  const after = decodeCursor(cursor, agentsCursor);
  return after && { lastSeen: after[1], id: after[2] };
}

export async function listAgents(
  deps: AdminAgentsDeps,
  query: AgentListQuery,
): Promise<{ items: AgentView[]; nextCursor: string | null }> {
  const now = deps.clock.now();
  const rows = await listAgentsBySilence(
    deps.db,
    {
      ...(query.offline_for === undefined
        ? {}
        : { silentSince: silentSince(now, query.offline_for, deps.offlineAfterSecs) }),
      ...(query.capability === undefined ? {} : { capability: query.capability }),
    },
    query.limit + 1,
    afterCursor(query.cursor),
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  // The cursor follows the rows scanned, so rows dropped below (a lease, `kata=false`) never stall it.
  const nextCursor = rows.length > query.limit && last ? nextAgentsCursor(last) : null;
  const leases = await deploymentsHoldingLeases(
    deps.db,
    page.map((row) => row.deployment_hash),
    now,
  );
  const items = page
    .filter((row) => query.capability === undefined || hasCapability(row.capabilities, query.capability))
    .map((row): AgentView => {
      const online =
        heartbeatIsFresh(row.last_heartbeat, now, deps.offlineAfterSecs) || leases.has(row.deployment_hash);
      return {
        agent_id: row.id,
        deployment_hash: row.deployment_hash,
        version: row.version,
        capabilities: row.capabilities,
        status: online ? 'online' : 'offline',
        last_heartbeat: row.last_heartbeat?.toISOString() ?? null,
        last_seen: row.last_seen.toISOString(),
        offline_for_secs: online
          ? null
          : Math.max(0, Math.floor((now.getTime() - row.last_seen.getTime()) / 1000)),
        compose_agent_registered: row.compose_registered,
      };
    })
    .filter((view) => query.offline_for === undefined || view.status === 'offline');
  return { items, nextCursor };
}

/** How many unrevoked agents with `capability` have been offline for more than `offlineForSecs`. */
export async function countOfflineAgents(
  deps: AdminAgentsDeps,
  capability: string,
  offlineForSecs: number,
): Promise<number> {
  const now = deps.clock.now();
  const candidates = (
    await findSilentAgents(deps.db, {
      silentSince: silentSince(now, offlineForSecs, deps.offlineAfterSecs),
      capability,
    })
  ).filter((row) => hasCapability(row.capabilities, capability));
  const leases = await deploymentsHoldingLeases(
    deps.db,
    candidates.map((row) => row.deployment_hash),
    now,
  );
  return candidates.filter((row) => !leases.has(row.deployment_hash)).length;
}
