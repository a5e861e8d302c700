import { type Kysely, sql } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { prepared } from '../../infra/db/prepared-statements.js';
import type { DeploymentRef } from '../agents/index.js';
import { COMMAND_COLUMNS, type CommandRow } from './command-row.js';

/*
 * The two reads a user repeats most (one command, the latest per app), each with its deployment's
 * owner and status joined in: one round trip instead of an ownership query and then the read. The
 * access rule itself stays in agents/deployment-access.ts (checkDeploymentAccess); only the row is read
 * here, as that module does. No row at all: the deployment does not exist.
 */

type OwnedRow = Omit<CommandRow, 'id'> & {
  id: string | null;
  owner_user_id: string;
  deployment_status: string;
};

const columns = sql.join(COMMAND_COLUMNS.map((c) => sql.ref(`c.${c}`)));

function split(hash: string, rows: OwnedRow[]): { owner: DeploymentRef | undefined; commands: CommandRow[] } {
  const first = rows[0];
  if (!first) return { owner: undefined, commands: [] };
  const owner = { deploymentHash: hash, userId: first.owner_user_id, status: first.deployment_status };
  const commands = rows
    .filter((r) => r.id !== null)
    .map(({ owner_user_id: _o, deployment_status: _s, ...command }) => command as CommandRow);
  return { owner, commands };
}

export async function findCommandWithOwner(
  db: Kysely<Database>,
  deploymentHash: string,
  commandId: string,
): Promise<{ owner: DeploymentRef | undefined; command: CommandRow | undefined }> {
  const result = await sql<OwnedRow>`${sql.raw(prepared('commands.get-owned'))}
    SELECT d.user_id AS owner_user_id, d.status AS deployment_status, ${columns}
    FROM deployment d
    LEFT JOIN command c ON c.deployment_hash = d.deployment_hash AND c.command_id = ${commandId}
    WHERE d.deployment_hash = ${deploymentHash}`.execute(db);
  const { owner, commands } = split(deploymentHash, result.rows);
  return { owner, command: commands[0] };
}

/** The newest command per (type, app_code), newest first, with the owner. */
export async function latestWithOwner(
  db: Kysely<Database>,
  deploymentHash: string,
): Promise<{ owner: DeploymentRef | undefined; commands: CommandRow[] }> {
  const result = await sql<OwnedRow>`${sql.raw(prepared('commands.latest-owned'))}
    SELECT d.user_id AS owner_user_id, d.status AS deployment_status, ${columns}
    FROM deployment d
    LEFT JOIN LATERAL (
      SELECT DISTINCT ON (type, coalesce(app_code, '')) *
      FROM command
      WHERE deployment_hash = d.deployment_hash
      ORDER BY type, coalesce(app_code, ''), created_at DESC, change_seq DESC
    ) c ON true
    WHERE d.deployment_hash = ${deploymentHash}`.execute(db);
  const { owner, commands } = split(deploymentHash, result.rows);
  commands.sort((a, b) => b.created_at.getTime() - a.created_at.getTime());
  return { owner, commands };
}
