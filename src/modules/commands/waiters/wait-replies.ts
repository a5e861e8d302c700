import { z } from 'zod';
import { type CommandJson, commandJson } from '../command-json.js';

/*
 * The long-poll replies, exactly as the deployed agent reads them (compat): `item` at the top level,
 * `meta.next_poll_secs` telling it when to poll again.
 */

export const waitReply = z.object({
  message: z.string(),
  item: commandJson.nullable(),
  meta: z.object({ next_poll_secs: z.number().int().min(0) }),
});

export type WaitReply = z.infer<typeof waitReply>;

export const commandAvailable = (item: CommandJson): WaitReply => ({
  message: 'Command available',
  item,
  meta: { next_poll_secs: 0 },
});

export const noCommand = (nextPollSecs: number): WaitReply => ({
  message: 'No command available',
  item: null,
  meta: { next_poll_secs: nextPollSecs },
});

/** A random whole number of seconds in [min, max]: spreads the fleet's next polls. */
export const jitterSecs = (min: number, max: number): number =>
  min + Math.floor(Math.random() * (max - min + 1));

/** `timeout` as the agent sends it (`?timeout=30&priority=`): lenient, clamped to [5, max]. */
export function clampPollTimeout(raw: unknown, defaultSecs: number, maxSecs: number): number {
  const text = Array.isArray(raw) ? raw[0] : raw;
  const value = typeof text === 'string' && /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : defaultSecs;
  return Math.min(Math.max(value, 5), maxSecs);
}
