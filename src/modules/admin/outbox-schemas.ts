import { z } from 'zod';
import { paginationQuery } from '../../infra/http/envelope.js';

export const outboxStatusSchema = z.enum(['pending', 'delivered', 'dead', 'discarded']);

export const outboxListQuery = paginationQuery.extend({
  status: outboxStatusSchema.optional().describe('Only events in this state (all states when absent)'),
  topic: z.string().min(1).max(100).optional().describe('Only events of this topic'),
});
export type OutboxListQuery = z.infer<typeof outboxListQuery>;

export const outboxIdParams = z.object({ id: z.uuid() });

const timestamp = z.iso.datetime();

/** One delivery as admins see it. The encrypted part is never opened for display. */
export const outboxEventView = z.object({
  id: z.string(),
  topic: z.string(),
  ordering_key: z.string(),
  sequence: z.number().int().nullable(),
  status: outboxStatusSchema,
  attempts: z.number().int(),
  next_attempt_at: timestamp,
  locked_by: z.string().nullable().describe('The instance delivering it right now, if any'),
  locked_until: timestamp.nullable(),
  last_status: z.number().int().nullable().describe("The peer's last HTTP status"),
  last_error: z.string().nullable().describe("The peer's last reply or the failure, kept for diagnosis"),
  created_at: timestamp,
  delivered_at: timestamp.nullable(),
  payload: z.record(z.string(), z.unknown()),
  secret_payload: z.literal('***').nullable().describe('"***" when the event carries encrypted parts'),
});
export type OutboxEventView = z.infer<typeof outboxEventView>;
