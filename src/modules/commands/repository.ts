import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { prepared } from '../../infra/db/prepared-statements.js';
import { COMMAND_COLUMNS, type CommandError, type CommandRow } from './command-row.js';

/* SQL of the command API (enqueue, reads, cancel, report). Rows or undefined, never HTTP errors. */

type Db = Kysely<Database>;

export interface NewCommand {
  commandId: string;
  deploymentHash: string;
  type: string;
  appCode: string | null;
  priority: number;
  parameters: Record<string, unknown>;
  secretParameters: Buffer | null;
  createdBy: string;
  timeoutSeconds: number;
  metadata: Record<string, unknown>;
  now: Date;
}

export const newCommandValues = (c: NewCommand) => ({
  command_id: c.commandId,
  deployment_hash: c.deploymentHash,
  type: c.type,
  app_code: c.appCode,
  status: 'queued' as const,
  priority: c.priority,
  parameters: JSON.stringify(c.parameters),
  secret_parameters: c.secretParameters,
  metadata: JSON.stringify(c.metadata),
  created_by: c.createdBy,
  timeout_seconds: c.timeoutSeconds,
  created_at: c.now,
});

export async function findInflightHealth(
  db: Db,
  deploymentHash: string,
  appCode: string | null,
): Promise<CommandRow | undefined> {
  const row = await db
    .selectFrom('command')
    .select(COMMAND_COLUMNS)
    .where('deployment_hash', '=', deploymentHash)
    .where('type', '=', 'health')
    .where('status', 'in', ['queued', 'sent'])
    .where(sql<boolean>`coalesce(app_code, 'all') = ${appCode ?? 'all'}`)
    .executeTakeFirst();
  return row as CommandRow | undefined;
}

export async function findCommand(
  db: Db,
  deploymentHash: string,
  commandId: string,
): Promise<CommandRow | undefined> {
  const row = await db
    .selectFrom('command')
    .select(COMMAND_COLUMNS)
    .where('command_id', '=', commandId)
    .where('deployment_hash', '=', deploymentHash)
    .modifyEnd(sql.raw(prepared('commands.find')))
    .executeTakeFirst();
  return row as CommandRow | undefined;
}

export async function lockCommand(
  trx: Transaction<Database>,
  deploymentHash: string,
  commandId: string,
): Promise<CommandRow | undefined> {
  const row = await trx
    .selectFrom('command')
    .select(COMMAND_COLUMNS)
    .where('command_id', '=', commandId)
    .where('deployment_hash', '=', deploymentHash)
    .forUpdate()
    .executeTakeFirst();
  return row as CommandRow | undefined;
}

/** Newest first; `before` is the (created_at, id) of the last row of the previous page. */
export async function listCommands(
  db: Db,
  deploymentHash: string,
  limit: number,
  before?: { createdAt: Date; id: string },
): Promise<CommandRow[]> {
  let query = db
    .selectFrom('command')
    .select(COMMAND_COLUMNS)
    .where('deployment_hash', '=', deploymentHash)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (before) {
    query = query.where(
      sql<boolean>`(created_at, id) < (${before.createdAt}::timestamptz, ${before.id}::uuid)`,
    );
  }
  return (await query.execute()) as CommandRow[];
}

/** `queued` → `cancelled`; undefined when the command was not queued (any more). */
export async function cancelQueued(
  db: Db,
  deploymentHash: string,
  commandId: string,
  error: CommandError,
  metadataPatch: Record<string, unknown>,
  now: Date,
): Promise<CommandRow | undefined> {
  const row = await db
    .updateTable('command')
    .set({
      status: 'cancelled',
      error: JSON.stringify(error),
      metadata: sql`metadata || ${JSON.stringify(metadataPatch)}::jsonb`,
      completed_at: now,
    })
    .where('command_id', '=', commandId)
    .where('deployment_hash', '=', deploymentHash)
    .where('status', '=', 'queued')
    .returning(COMMAND_COLUMNS)
    .executeTakeFirst();
  return row as CommandRow | undefined;
}

export interface CommandOutcomePatch {
  status: 'completed' | 'failed';
  result: unknown;
  error: unknown;
  metadataPatch: Record<string, unknown>;
  now: Date;
}

/** Writes a reported outcome; the command leaves the queue and its lease ends. */
export async function writeOutcome(trx: Db, id: string, patch: CommandOutcomePatch): Promise<CommandRow> {
  const row = await trx
    .updateTable('command')
    .set({
      status: patch.status,
      result: patch.result === null || patch.result === undefined ? null : JSON.stringify(patch.result),
      error: patch.error === null || patch.error === undefined ? null : JSON.stringify(patch.error),
      metadata: sql`metadata || ${JSON.stringify(patch.metadataPatch)}::jsonb`,
      completed_at: patch.now,
      lease_expires_at: null,
    })
    .where('id', '=', id)
    .returning(COMMAND_COLUMNS)
    .executeTakeFirstOrThrow();
  return row as CommandRow;
}

export async function patchMetadata(
  trx: Db,
  id: string,
  metadataPatch: Record<string, unknown>,
): Promise<void> {
  await trx
    .updateTable('command')
    .set({ metadata: sql`metadata || ${JSON.stringify(metadataPatch)}::jsonb` })
    .where('id', '=', id)
    .execute();
}
