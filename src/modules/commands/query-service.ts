import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AuthUser } from '../../auth/principal.js';
import { writeAudit } from '../../infra/audit/audit-log.js';
import type { Clock } from '../../infra/clock.js';
import type { Database } from '../../infra/db/database.js';
import { notify } from '../../infra/db/notify.js';
import { cursorDate, cursorUuid, decodeCursor, encodeCursor } from '../../infra/http/cursor.js';
import { conflict, notFound } from '../../infra/http/errors.js';
import { DEPLOYMENT_HASH_RE } from '../../infra/identifiers.js';
import type { RequestMeta } from '../agents/index.js';
import { checkDeploymentAccess, deploymentNotFound, requireDeploymentAccess } from '../agents/index.js';
import type { ChangeHub } from './change-hub.js';
import { COMMAND_CHANGED_CHANNEL } from './channels.js';
import type { CommandRow } from './command-row.js';
import { type FeedCursor, parseCursor, type SeqCursor } from './feed-cursor.js';
import { cursorNow, type FeedPage, waitForChanges } from './feed-service.js';
import type { LatestCache } from './latest-cache.js';
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

const pageCursor = z.tuple([z.literal('commands'), cursorDate, cursorUuid]);

const encodePageCursor = (row: CommandRow): string =>
  encodeCursor(['commands', row.created_at.toISOString(), row.id]);

function decodePageCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  const before = decodeCursor(cursor, pageCursor);
  return before && { createdAt: before[1], id: before[2] };
}

/**
 * The latest reply, serialized by `serialize` (the route's serializer), through the instance's
 * LatestCache: the access rule runs on every read, against the owner the view was read with.
 */
export async function latestReplyBody(
  deps: { db: Kysely<Database>; cache: LatestCache },
  user: AuthUser,
  deploymentHash: string,
  serialize: (commands: CommandRow[]) => string,
): Promise<string> {
  if (!DEPLOYMENT_HASH_RE.test(deploymentHash)) throw deploymentNotFound();
  const view = await deps.cache.read(deploymentHash, async () => {
    const { owner, commands } = await latestWithOwner(deps.db, deploymentHash);
    // A deployment that does not exist is not kept: its creation notifies nobody.
    return owner ? { owner, body: serialize(commands) } : undefined;
  });
  checkDeploymentAccess(view?.owner, deploymentHash, user, 'read');
  return view!.body;
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
