import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/infra/db/database.js';

/**
 * Inserts a `deployment` row directly (the deployments feature creates them in production); returns
 * its hash. Agents and commands tests only need the owner and the status.
 */
export async function insertDeployment(
  db: Kysely<Database>,
  options: { userId: string; hash?: string; status?: string },
): Promise<string> {
  const hash = options.hash ?? `deployment_${randomUUID()}`;
  await db
    .insertInto('deployment')
    .values({ user_id: options.userId, deployment_hash: hash, status: options.status ?? 'running' })
    .execute();
  return hash;
}
