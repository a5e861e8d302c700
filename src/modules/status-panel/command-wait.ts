import type { Kysely } from 'kysely';
import type { AuthUser } from '../../auth/principal.js';
import type { Database } from '../../infra/db/database.js';
import type { ChangeHub } from '../commands/index.js';
import { type CommandRow, FINISHED_STATUSES, getCommand } from '../commands/index.js';

/*
 * Waits for one command to finish, woken by the NOTIFY its report sends (any instance may take the
 * report). The subscription is taken before each read, so a report committed between the read and
 * the wait still wakes it; after a LISTEN reconnect the change hub wakes every waiter to re-read.
 */

export interface CommandWaitDeps {
  db: Kysely<Database>;
  changes: ChangeHub;
}

export const isFinished = (row: CommandRow): boolean => FINISHED_STATUSES.includes(row.status);

/** The command as it is when it finished, or as it was when `timeoutMs` ran out or `signal` aborted. */
export async function waitForCommand(
  deps: CommandWaitDeps,
  user: AuthUser,
  deploymentHash: string,
  commandId: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<CommandRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const remaining = deadline - Date.now();
    const stop = new AbortController();
    const woken =
      remaining > 0 && !signal?.aborted
        ? deps.changes.next(
            deploymentHash,
            remaining,
            signal ? AbortSignal.any([stop.signal, signal]) : stop.signal,
          )
        : undefined;
    let row: CommandRow;
    try {
      row = await getCommand(deps.db, user, deploymentHash, commandId);
    } catch (error) {
      stop.abort();
      throw error;
    }
    if (isFinished(row) || woken === undefined) {
      stop.abort();
      return row;
    }
    await woken;
  }
}
