import type { Kysely } from 'kysely';
import type { AuthUser } from '../../auth/principal.js';
import type { Clock } from '../../infra/clock.js';
import type { Database } from '../../infra/db/database.js';
import { notify } from '../../infra/db/notify.js';
import { badRequest, conflict, notFound } from '../../infra/http/errors.js';
import { writeAudit } from '../agents/audit-service.js';
import {
  checkDeploymentAccess,
  DEPLOYMENT_HASH_RE,
  deploymentNotFound,
  requireDeploymentAccess,
} from '../agents/deployment-access.js';
import type { RequestMeta } from '../agents/service.js';
import type { ChangeHub } from './change-hub.js';
import { COMMAND_CHANGED_CHANNEL } from './channels.js';
import type { CommandRow } from './command-row.js';
import { type FeedCursor, parseCursor, type SeqCursor } from './feed-cursor.js';
import { cursorNow, type FeedPage, waitForChanges } from './feed-service.js';
import { findCommandWithOwner, latestWithOwner } from './owned-read-repository.js';
import { cancelQueued, findCommand, listCommands } from './repository.js';

export const commandNotFound = () => notFound('Command', 'command_not_found');

/**
 * Newest first, paginated by an opaque (created_at, id) cursor, with the change cursor to follow from
 * here. That cursor is taken before the read: a change in between shows up twice, never zero times.
 */
export async function listDeploymentCommands(
  db: Kysely<Database>,
  user: AuthUser,
  deploymentHash: string,
  limit: number,
  cursor: string | undefined,
): Promise<{ rows: CommandRow[]; nextCursor: string | null; follow: SeqCursor }> {
  await requireDeploymentAccess(db, deploymentHash, user, 'read');
  const before = cursor === undefined ? undefined : decodePageCursor(cursor);
  const follow = await cursorNow(db, deploymentHash);
  const rows = await listCommands(db, deploymentHash, limit + 1, before);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodePageCursor(last) : null;
  return { rows: page, nextCursor, follow };
}

/** `since` (+ `wait_ms`): the changes after a cursor or time, waiting for the first one when asked. */
export async function followDeploymentCommands(
  deps: { db: Kysely<Database>; changes: ChangeHub },
  user: AuthUser,
  deploymentHash: string,
  since: string,
  limit: number,
  waitMs: number,
  signal?: AbortSignal,
): Promise<FeedPage> {
  await requireDeploymentAccess(deps.db, deploymentHash, user, 'read');
  const cursor = parseCursor(since);
  return waitForChanges(deps.db, deps.changes, deploymentHash, cursor, limit, waitMs, signal);
}

function encodePageCursor(row: CommandRow): string {
  return Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url');
}

function decodePageCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw badRequest('invalid_cursor', 'cursor is not a cursor this list returned.');
  }
  return { createdAt, id };
}

export async function latestCommands(db: Kysely<Database>, user: AuthUser, deploymentHash: string) {
  if (!DEPLOYMENT_HASH_RE.test(deploymentHash)) throw deploymentNotFound();
  const { owner, commands } = await latestWithOwner(db, deploymentHash);
  checkDeploymentAccess(owner, deploymentHash, user, 'read');
  return commands;
}

export async function getCommand(
  db: Kysely<Database>,
  user: AuthUser,
  deploymentHash: string,
  commandId: string,
): Promise<CommandRow> {
  if (!DEPLOYMENT_HASH_RE.test(deploymentHash)) throw deploymentNotFound();
  const { owner, command } = await findCommandWithOwner(db, deploymentHash, commandId);
  checkDeploymentAccess(owner, deploymentHash, user, 'read');
  if (!command) throw commandNotFound();
  return command;
}

/** `queued` → `cancelled`; a `sent` command is already on the host (409 command_in_progress). */
export async function cancelCommand(
  deps: { db: Kysely<Database>; clock: Clock },
  user: AuthUser,
  deploymentHash: string,
  commandId: string,
  meta: RequestMeta,
): Promise<CommandRow> {
  await requireDeploymentAccess(deps.db, deploymentHash, user, 'write');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await cancelQueued(
      trx,
      deploymentHash,
      commandId,
      { code: 'cancelled', message: 'Cancelled by the owner.' },
      { cancelled_by: user.id },
      now,
    );
    if (!row) {
      const current = await findCommand(trx, deploymentHash, commandId);
      if (!current) throw commandNotFound();
      if (current.status === 'sent') {
        throw conflict('command_in_progress', 'The command is already on the host and cannot be cancelled.', {
          status: current.status,
        });
      }
      throw conflict('invalid_transition', `A ${current.status} command cannot be cancelled.`, {
        status: current.status,
      });
    }
    await notify(trx, COMMAND_CHANGED_CHANNEL, deploymentHash);
    await writeAudit(trx, {
      action: 'command.cancelled',
      actorType: 'user',
      actorId: user.id,
      deploymentHash,
      target: commandId,
      details: { type: row.type, reason: 'user' },
      ip: meta.ip,
      userAgent: meta.userAgent,
      at: now,
    });
    return row;
  });
}

/** Where an SSE stream starts: after `Last-Event-ID` when given, else now. Ownership first. */
export async function streamStart(
  db: Kysely<Database>,
  user: AuthUser,
  deploymentHash: string,
  lastEventId: string | undefined,
): Promise<FeedCursor> {
  await requireDeploymentAccess(db, deploymentHash, user, 'read');
  if (lastEventId !== undefined && lastEventId.trim() !== '')
    return parseCursor(lastEventId, 'Last-Event-ID');
  return cursorNow(db, deploymentHash);
}
