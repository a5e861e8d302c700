import { z } from 'zod';
import { APP_CODE_RE, DEPLOYMENT_HASH_RE } from '../../infra/identifiers.js';

export const deploymentHashSchema = z
  .string()
  .regex(DEPLOYMENT_HASH_RE, { error: 'must match ^[A-Za-z0-9_.:-]{1,128}$' });

export const registerBody = z.object({
  deployment_hash: deploymentHashSchema,
  agent_version: z.string().trim().min(1).max(64),
  capabilities: z
    .array(z.string().trim().min(1).max(128))
    .max(200)
    .nullish()
    .transform((v) => v ?? []),
  system_info: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((v) => v ?? {}),
  // Accepted for compatibility; Stacker does not use agent public keys yet.
  public_key: z.string().max(16_384).nullish(),
  rotate: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
});

export const agentIdParams = z.object({ agent_id: z.string().max(64) });

export const credentialsItem = z
  .object({
    agent_id: z.uuid(),
    agent_token: z.string(),
    deployment_hash: z.string(),
    dashboard_version: z.string(),
    supported_api_versions: z.array(z.string()),
  })
  .meta({ id: 'AgentCredentials' });

/** Registration and rotation reply in the agent's `{"data": {"item": …}}` shape (compat). */
export const credentialsReply = z.object({ data: z.object({ item: credentialsItem }) });

export const MAX_APP_STATUS_LINES = 50;
const MAX_LINE_CHARS = 8_192;

export const appStatusBody = z.object({
  deployment_hash: deploymentHashSchema,
  app_code: z.string().regex(APP_CODE_RE, { error: `must match ${APP_CODE_RE.source}` }),
  status: z.enum(['running', 'stopped', 'error']),
  logs: z
    .array(z.string().transform((line) => line.slice(0, MAX_LINE_CHARS)))
    .max(10_000)
    .nullish()
    .transform((v) => v ?? []),
  timestamp: z.union([z.string().max(64), z.number()]).nullish(),
});

export const okReply = z.object({ message: z.string() });
