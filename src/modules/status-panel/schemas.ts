import { z } from 'zod';
import { itemEnvelope } from '../../infra/http/envelope.js';
import { commandJson } from '../commands/index.js';
import { FALLBACK_REASONS } from './compose-state.js';

/*
 * Route schemas of the Status Panel. Path values are only length-checked here: the app code and the
 * parameters are validated by the command catalog in the services, after the ownership check, so a
 * deployment that is not the caller's is a 404 whatever else is wrong with the request.
 */

export const hashParams = z.object({ deployment_hash: z.string().max(128) });
export const appParams = z.object({ deployment_hash: z.string().max(128), app_code: z.string().max(128) });

export const capabilitiesItem = z
  .object({
    deployment_hash: z.string(),
    agent_id: z.string().nullable(),
    status: z.enum(['online', 'offline']),
    last_heartbeat: z.string().nullable(),
    version: z.string().nullable(),
    system_info: z.record(z.string(), z.unknown()),
    capabilities: z.array(z.string()),
    commands: z.array(
      z.object({
        command_type: z.string(),
        label: z.string(),
        icon: z.string(),
        scope: z.enum(['container', 'deployment']),
        requires: z.string(),
      }),
    ),
    features: z.object({
      kata_runtime: z.boolean(),
      compose: z.boolean(),
      backup: z.boolean(),
      logs: z.boolean(),
    }),
    apps: z.array(z.object({ app_code: z.string(), status: z.string(), updated_at: z.string() })),
    compose_agent: z.boolean(),
    fallback_reason: z.enum(FALLBACK_REASONS).nullable(),
  })
  .meta({ id: 'Capabilities' });

/** An agent result (health, all_health, logs, restart...) as the agent sent it, redacted. */
export const agentResult = z.record(z.string(), z.unknown()).nullable().meta({ id: 'AgentResult' });

export const resultReply = itemEnvelope(agentResult);

/** The command is still running: follow it at `GET /api/v1/commands/{hash}/{command_id}`. */
export const pendingReply = z.object({
  message: z.string(),
  command_id: z.string(),
  status: z.literal('pending'),
});

export const commandReply = itemEnvelope(commandJson);

const nullableQuery = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

export const logsQuery = z.object({
  limit: nullableQuery(z.coerce.number().int()),
  cursor: nullableQuery(z.string().max(512)),
});

export const composeAppQuery = z.object({ app_code: nullableQuery(z.string().max(128)) });

export const composeLogsQuery = logsQuery.extend({ app_code: z.string().max(128) });

/** Options of the legacy container routes; the catalog checks them (and drops what does not apply). */
export const containerActionBody = z
  .object({
    container: z.string().max(256).nullish(),
    force: z.boolean().nullish(),
    timeout: z.number().int().nullish(),
  })
  .nullish();

export const composeRestartBody = z.object({
  app_code: z.string().max(128),
  force: z.boolean().nullish(),
  container: z.string().max(256).nullish(),
});

/** `X-Agent-Id` travels as a header: visible ASCII without separators. */
export const COMPOSE_AGENT_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

export const composeRegistrationBody = z.object({
  url: z.string().trim().min(1).max(2048),
  agent_id: z.string().regex(COMPOSE_AGENT_ID_RE, { error: `must match ${COMPOSE_AGENT_ID_RE.source}` }),
  // The HMAC key of every call: long enough to mean something, and visible ASCII only.
  token: z
    .string()
    .min(16)
    .max(4096)
    .regex(/^[\x21-\x7e]+$/, { error: 'must be visible ASCII characters' }),
});

export const agentIdParams = z.object({ agent_id: z.string().max(64) });

export const composeRegistrationItem = z
  .object({
    agent_id: z.string(),
    deployment_hash: z.string(),
    url: z.string().nullable(),
    compose_agent_id: z.string().nullable(),
    registered: z.boolean(),
    last_ok_at: z.string().nullable(),
    last_error: z.string().nullable(),
    last_error_at: z.string().nullable(),
  })
  .meta({ id: 'ComposeAgentRegistration' });

export const composeRegistrationReply = itemEnvelope(composeRegistrationItem);
