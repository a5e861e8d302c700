import { z } from 'zod';
import { paginationQuery } from '../../infra/http/envelope.js';

const UNIT_SECS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };
const MAX_DURATION_SECS = 366 * 86_400;

/** `15m`, `2h`, `1d`, `90s` or plain seconds. */
export const durationSecs = z
  .string()
  .trim()
  .regex(/^\d{1,9}[smhd]?$/, { error: 'must be a duration such as 900, 90s, 15m, 2h or 1d' })
  .transform((raw) => {
    const unit = /[smhd]$/.test(raw) ? raw.slice(-1) : 's';
    return Number.parseInt(raw, 10) * (UNIT_SECS[unit] ?? 1);
  })
  .pipe(z.number().int().min(0).max(MAX_DURATION_SECS));

export const agentListQuery = paginationQuery.extend({
  offline_for: durationSecs.optional().describe('Only agents offline at least this long (e.g. 15m)'),
  capability: z.string().trim().min(1).max(128).optional().describe('Only agents advertising it'),
});
export type AgentListQuery = z.infer<typeof agentListQuery>;

export const agentView = z
  .object({
    agent_id: z.string(),
    deployment_hash: z.string(),
    version: z.string().nullable(),
    capabilities: z.array(z.string()),
    status: z.enum(['online', 'offline']),
    last_heartbeat: z.string().nullable(),
    last_seen: z
      .string()
      .describe('The last heartbeat, or the registration time of an agent that never called'),
    offline_for_secs: z.number().int().nullable(),
    compose_agent_registered: z.boolean(),
  })
  .meta({ id: 'AdminAgent' });
export type AgentView = z.infer<typeof agentView>;
