import { z } from 'zod';
import { UUID_RE } from '../identifiers.js';
import { badRequest } from './errors.js';

// The one codec of opaque keyset cursors: base64url of a small JSON array naming the list it belongs
// to and the sort key of the last row sent, checked on the way back in by a zod tuple. Nothing in it is
// secret; it is opaque so clients never build one. (The command change feed's `since` is another
// thing: a contract format, in modules/commands/feed-cursor.ts.)

export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const invalidCursor = () =>
  badRequest('invalid_cursor', 'The cursor is not valid for this list; start again without it.', [
    { path: 'querystring.cursor', message: 'is not a cursor of this list' },
  ]);

/** The cursor's values, or `undefined` without a cursor; 400 `invalid_cursor` for anything else. */
export function decodeCursor<T extends z.ZodType>(
  cursor: string | undefined,
  schema: T,
): z.output<T> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}

/** Microsecond timestamps as Postgres prints them for the cursor (`to_char(... 'US')`), never a JS Date. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export const cursorUuid = z.string().regex(UUID_RE);
/** Same fields once read as a date: month 13 or hour 99 fit the pattern but no timestamp column. */
const isRealTimestamp = (text: string) => {
  const date = new Date(`${text.slice(0, 23)}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === text.slice(0, 19);
};
export const cursorTimestamp = z.string().regex(TIMESTAMP).refine(isRealTimestamp);
export const cursorCount = z.number().int().min(0).max(2_147_483_647);
/** A bigint/serial row id. */
export const cursorId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A millisecond time as `Date#toISOString` prints it, read back as a Date. */
export const cursorDate = z.iso.datetime().transform((text) => new Date(text));
