import { badRequest } from '../../infra/http/errors.js';

/*
 * The change-feed cursor (data-model.md): `change_seq` comes from one sequence, taken when a row is
 * written, but transactions commit in any order, so a row may become visible with a lower seq than
 * one already read. Readers therefore re-read every row changed within a short overlap window before
 * their last read and drop the ones they have already seen. The cursor carries what that needs:
 *   c<highest seq seen>.<DB time of the read, ms>.<seqs seen inside the window, "_"-separated>
 * Opaque to clients; it is also the SSE event id (Last-Event-ID).
 */

/** Longer than any transaction that writes a command (they are short, and statement time is capped). */
export const OVERLAP_MS = 30_000;
/** A pathological burst inside one window is cut here: at worst a few rows are re-sent, none missed. */
const MAX_SEEN = 500;

export interface SeqCursor {
  kind: 'seq';
  seq: number;
  readAtMs: number;
  seen: number[];
}

export interface TimeCursor {
  kind: 'time';
  after: Date;
}

export type FeedCursor = SeqCursor | TimeCursor;

const CURSOR_RE = /^c(\d{1,16})\.(\d{1,16})\.((?:\d{1,16}(?:_\d{1,16}){0,499})?)$/;
const RFC3339_RE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

export function encodeCursor(cursor: SeqCursor): string {
  return `c${cursor.seq}.${cursor.readAtMs}.${cursor.seen.slice(-MAX_SEEN).join('_')}`;
}

/** The largest millisecond a Date (and so a timestamptz parameter) can hold. */
const MAX_DATE_MS = 8.64e15;

/**
 * The cursor's numbers, or `undefined` for ones no server wrote: a seq past a safe integer would be
 * compared rounded, and a read time past any date turns into an Invalid Date inside the query.
 */
function seqCursor(match: RegExpExecArray): SeqCursor | undefined {
  const seq = Number(match[1]);
  const readAtMs = Number(match[2]);
  const seen = match[3] ? match[3].split('_').map(Number) : [];
  if (!Number.isSafeInteger(seq) || readAtMs > MAX_DATE_MS) return undefined;
  if (!seen.every(Number.isSafeInteger)) return undefined;
  return { kind: 'seq', seq, readAtMs, seen };
}

/** A cursor from `meta.next_since` / `Last-Event-ID`, or an RFC 3339 time; 400 otherwise. */
export function parseCursor(raw: string, field = 'since'): FeedCursor {
  const text = raw.trim();
  const match = CURSOR_RE.exec(text);
  const cursor = match ? seqCursor(match) : undefined;
  if (cursor) return cursor;
  if (RFC3339_RE.test(text)) {
    const after = new Date(text);
    if (!Number.isNaN(after.getTime())) return { kind: 'time', after };
  }
  throw badRequest('invalid_cursor', `${field} must be a cursor from meta.next_since or an RFC 3339 time.`, [
    { path: field, message: 'is not a cursor or an RFC 3339 time' },
  ]);
}
