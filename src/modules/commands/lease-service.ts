import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { deploymentsWithLiveLease } from './lease-repository.js';

/*
 * An agent runs one command at a time and does not poll meanwhile, so a held lease counts as "online"
 * (agent-protocol.md, "Long-poll"). The capabilities reply, the health check and the admin agents list
 * ask here rather than reading the command table themselves.
 */

/** True when the deployment's agent holds an unexpired lease at `now`. */
export async function holdsLiveLease(
  db: Kysely<Database>,
  deploymentHash: string,
  now: Date,
): Promise<boolean> {
  return (await deploymentsWithLiveLease(db, [deploymentHash], now)).length > 0;
}

/** The subset of `deploymentHashes` whose agent holds an unexpired lease at `now`. */
export async function deploymentsHoldingLeases(
  db: Kysely<Database>,
  deploymentHashes: readonly string[],
  now: Date,
): Promise<Set<string>> {
  return new Set(await deploymentsWithLiveLease(db, deploymentHashes, now));
}
