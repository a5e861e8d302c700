import type { z } from 'zod';
import { UserServiceUnavailableError } from './errors.js';

/**
 * Parses a 2xx body. A reply Stacker cannot read is treated like no reply at all: callers fail closed
 * (503) instead of guessing at prices, plans or ownership.
 */
export function parseReply<T extends z.ZodType>(schema: T, bodyText: string, what: string): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch (err) {
    throw new UserServiceUnavailableError('invalid_reply', `${what}: reply is not JSON`, { cause: err });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new UserServiceUnavailableError('invalid_reply', `${what}: unexpected reply shape`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
