import type { Kysely } from 'kysely';
import type { Clock } from '../../../infra/clock.js';
import type { Database } from '../../../infra/db/database.js';
import { GroupBatcher } from '../../../infra/db/group-batcher.js';
import { type ClaimRequest, claimNextCommands } from '../claim-batch-repository.js';
import { claimNextCommand, type LeaseSettings } from '../claim-repository.js';
import type { CommandRow } from '../command-row.js';

/**
 * The long-polls' claims, grouped: polls that look at the same moment (a wave of arrivals, a burst of
 * enqueues) share one claim statement. Exactly-once is the single claim's (`FOR UPDATE SKIP LOCKED`
 * on each row, in one statement); only the round trips and commits are shared.
 */
export function createClaimer(deps: {
  db: Kysely<Database>;
  clock: Clock;
  lease: LeaseSettings;
  groupCommit?: boolean;
  onBatch?(size: number): void;
}): (request: ClaimRequest) => Promise<CommandRow | undefined> {
  const one = (r: ClaimRequest) =>
    claimNextCommand(deps.db, r.deploymentHash, {
      agentId: r.agentId,
      ip: r.ip,
      now: deps.clock.now(),
      lease: deps.lease,
    });
  const batcher = new GroupBatcher<ClaimRequest, CommandRow | undefined>({
    runOne: one,
    async runMany(requests) {
      // One pick per deployment per statement; a second poll of the same deployment (a superseded
      // one still looking) claims after the batch, alone.
      const seen = new Set<string>();
      const distinct = requests.filter((r) => !seen.has(r.deploymentHash) && seen.add(r.deploymentHash));
      const claimed = await claimNextCommands(deps.db, distinct, deps.clock.now(), deps.lease);
      const out: (CommandRow | undefined)[] = [];
      const taken = new Set<string>();
      for (const r of requests) {
        if (!taken.has(r.deploymentHash)) {
          taken.add(r.deploymentHash);
          out.push(claimed.get(r.deploymentHash));
        } else {
          out.push(await one(r));
        }
      }
      return out;
    },
    onBatch: deps.onBatch,
    enabled: deps.groupCommit,
  });
  return (request) => batcher.add(request);
}
