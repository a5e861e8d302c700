import { z } from 'zod';
import { itemEnvelope } from '../../infra/http/envelope.js';
import { deploymentHashSchema } from '../agents/index.js';
import { MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, PRIORITIES } from './catalog.js';
import { commandJson } from './command-json.js';

export const enqueueBody = z.object({
  deployment_hash: deploymentHashSchema,
  command_type: z.string().trim().min(1).max(64),
  priority: z.enum(PRIORITIES).nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  timeout_seconds: z.number().int().min(MIN_TIMEOUT_SECONDS).max(MAX_TIMEOUT_SECONDS).nullish(),
});

export const hashParams = z.object({ deployment_hash: z.string().max(128) });
export const commandParams = z.object({
  deployment_hash: z.string().max(128),
  command_id: z.string().max(128),
});

const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const MAX_WAIT_MS = 30_000;

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(512).optional(),
  since: z.string().max(12_000).optional(),
  wait_ms: z.coerce.number().int().min(0).max(MAX_WAIT_MS).default(0),
  // Results (a logs result can be large) only when asked for.
  include_results: booleanQuery,
});

export const commandItemReply = itemEnvelope(commandJson);

export const commandListReply = z.object({
  message: z.string(),
  list: z.array(commandJson),
  meta: z.object({ next_cursor: z.string().nullable().optional(), next_since: z.string() }).loose(),
});

export const latestReply = z.object({ message: z.string(), list: z.array(commandJson) });

const reportErrorEntry = z
  .object({ code: z.string().max(128), message: z.string().max(65_536), details: z.unknown().optional() })
  .loose();

/** The report body as the deployed agent sends it (compat). */
export const reportBody = z.object({
  command_id: z.string().min(1).max(128),
  deployment_hash: z.string().min(1).max(128),
  status: z.string().min(1).max(64),
  completed_at: z.string().max(64).nullish(),
  executed_by: z.enum(['status_panel', 'compose_agent']).nullish(),
  result: z.unknown().optional(),
  error: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
  errors: z.array(reportErrorEntry).max(1000).nullish(),
  command_status: z.enum(['completed', 'failed']).nullish(),
});

export const reportReply = z.object({
  message: z.string(),
  item: z.object({ accepted: z.literal(true), command_id: z.string(), status: z.string() }),
});

export const waitParams = z.object({ deployment_hash: z.string().max(128) });
// Lenient on purpose: the agent sends `?timeout=30&priority=`; unknown keys are dropped.
export const waitQuery = z.object({ timeout: z.unknown().optional() });
