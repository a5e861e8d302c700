import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import type { ChangeHub } from './change-hub.js';
import type { CommandRow } from './command-row.js';
import { encodeCursor, type FeedCursor, OVERLAP_MS, type SeqCursor } from './feed-cursor.js';
import { currentPosition, readChanges } from './feed-repository.js';

export interface FeedPage {
  rows: CommandRow[];
  /** The cursor after each row (the SSE event ids): resuming from one re-sends nothing before it. */
  cursors: SeqCursor[];
  next: SeqCursor;
}

const seqOf = (row: CommandRow): number => Number(row.change_seq);

/**
 * One page of changes after `cursor`, de-duplicated against what the cursor has seen, with the cursor
 * after each row and the one that follows the page. Rows are in change_seq order.
 */
export async function changesAfter(
  db: Kysely<Database>,
  deploymentHash: string,
  cursor: FeedCursor,
  limit: number,
): Promise<FeedPage> {
  const prevSeen = cursor.kind === 'seq' ? cursor.seen : [];
  const seenSet = new Set(prevSeen);
  const read = await readChanges(db, deploymentHash, cursor, OVERLAP_MS, limit + seenSet.size);
  const readAtMs = read.readAt.getTime();
  const windowStart = readAtMs - OVERLAP_MS;
  // Seqs of rows still inside the overlap window: only those need remembering.
  const inWindow = new Set(read.rows.filter((r) => r.updated_at.getTime() >= windowStart).map(seqOf));
  const rows = read.rows.filter((row) => !seenSet.has(seqOf(row))).slice(0, limit);
  let seq = cursor.kind === 'seq' ? cursor.seq : 0;
  const seen = prevSeen.filter((s) => inWindow.has(s));
  let next: SeqCursor = { kind: 'seq', seq, readAtMs, seen: [...seen] };
  const cursors = rows.map((row) => {
    seq = Math.max(seq, seqOf(row));
    if (inWindow.has(seqOf(row))) seen.push(seqOf(row));
    next = { kind: 'seq', seq, readAtMs, seen: [...seen] };
    return next;
  });
  return { rows, cursors, next };
}

/** The cursor of a feed that starts now. */
export async function cursorNow(db: Kysely<Database>, deploymentHash: string): Promise<SeqCursor> {
  const position = await currentPosition(db, deploymentHash, OVERLAP_MS);
  return { kind: 'seq', seq: position.maxSeq, readAtMs: position.readAt.getTime(), seen: position.recent };
}

/**
 * `since` + `wait_ms`: the changes after the cursor, waiting up to `waitMs` for the first one instead
 * of returning an empty page. Subscribes before each read so no change falls between read and wait.
 */
export async function waitForChanges(
  db: Kysely<Database>,
  hub: ChangeHub,
  deploymentHash: string,
  cursor: FeedCursor,
  limit: number,
  waitMs: number,
  signal?: AbortSignal,
): Promise<FeedPage> {
  const deadline = Date.now() + waitMs;
  let current = cursor;
  for (;;) {
    const remaining = deadline - Date.now();
    let woken: Promise<void> | undefined;
    const controller = new AbortController();
    if (remaining > 0)
      woken = hub.next(
        deploymentHash,
        remaining,
        AbortSignal.any([controller.signal, ...(signal ? [signal] : [])]),
      );
    const page = await changesAfter(db, deploymentHash, current, limit);
    if (page.rows.length > 0 || !woken || signal?.aborted || hub.isClosing) {
      controller.abort();
      return page;
    }
    await woken;
    current = page.next;
  }
}

export { encodeCursor };
