import { z } from 'zod';
import { type CommandType, isCommandType } from './catalog-types.js';

/*
 * Lenient result checks (status-panel.md "Result checks"): the deployed agent is fixed and its output
 * varies, so unknown keys and unknown enum values are kept as sent (looseObject, plain strings instead
 * of enums). What is refused: identity fields that do not match the command, and known fields of the
 * wrong JSON type. Fields the contract marks optional may also be null.
 */

const num = z.number().nullish();
const optStr = z.string().nullish();
const errors = z.array(z.unknown()).nullish();

// Documented shapes always carry their identity; the others are checked only for what they send.
const identity = { type: z.string(), deployment_hash: z.string(), app_code: optStr, errors };
const looseIdentity = {
  type: z.string().optional(),
  deployment_hash: z.string().optional(),
  app_code: optStr,
  errors,
};

const metrics = z
  .looseObject({
    cpu_pct: num,
    mem_pct: num,
    mem_usage_mb: num,
    mem_limit_bytes: num,
    rx_bytes: num,
    tx_bytes: num,
  })
  .nullish();

const healthOne = z.looseObject({
  ...identity,
  status: z.string(),
  container_state: z.string(),
  last_heartbeat_at: optStr,
  metrics,
});

const healthAll = z.looseObject({
  ...identity,
  status: z.string(),
  last_heartbeat_at: z.string(),
  containers: z.array(
    z.looseObject({
      app_code: z.string(),
      container_name: z.string(),
      container_state: z.string(),
      status: z.string(),
      metrics,
    }),
  ),
});

const logs = z.looseObject({
  ...identity,
  cursor: optStr,
  truncated: z.boolean(),
  lines: z.array(
    z.looseObject({ ts: z.string(), stream: z.string(), message: z.string(), redacted: z.boolean() }),
  ),
});

const containerAction = z.looseObject({ ...identity, status: z.string(), container_state: z.string() });
const generic = z.looseObject(looseIdentity);

export const HEALTH_RESULT_TYPES: readonly string[] = ['health', 'all_health', 'system_health'];

function schemaFor(type: CommandType, resultType: unknown): z.ZodType<Record<string, unknown>> {
  switch (type) {
    case 'health':
      if (resultType === 'all_health') return healthAll;
      // The shape of system_health is not pinned down by the contract: identity checks only.
      return resultType === 'system_health' ? generic : healthOne;
    case 'logs':
      return logs;
    case 'restart':
    case 'start':
    case 'stop':
      return containerAction;
    default:
      return generic;
  }
}

export interface ResultCommand {
  deploymentHash: string;
  appCode: string | null | undefined;
}

export type ResultCheck =
  | { ok: true; result: Record<string, unknown> | null }
  | { ok: false; reason: string };

const MAX_REASONS = 5;

function identityProblems(
  type: CommandType,
  command: ResultCommand,
  result: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  const allowed = type === 'health' ? HEALTH_RESULT_TYPES : [type];
  if (result.type !== undefined && !allowed.includes(result.type as string)) {
    problems.push(`result.type "${String(result.type)}" does not match command type "${type}"`);
  }
  if (result.deployment_hash !== undefined && result.deployment_hash !== command.deploymentHash) {
    problems.push("result.deployment_hash does not match the command's deployment");
  }
  const expectApp = command.appCode && command.appCode !== 'all' ? command.appCode : undefined;
  if (expectApp !== undefined && typeof result.app_code === 'string' && result.app_code !== expectApp) {
    problems.push(`result.app_code "${result.app_code}" does not match the command's "${expectApp}"`);
  }
  return problems;
}

/**
 * Checks an agent's result for a command. A missing result (undefined or null) is accepted as null:
 * failed reports often carry none. On success `errors` is always an array.
 */
export function checkResult(type: string, command: ResultCommand, result: unknown): ResultCheck {
  if (result === undefined || result === null) return { ok: true, result: null };
  // A type the catalog does not know was the agent's to judge; so is its result (e.g. stdout/exit_code).
  if (!isCommandType(type)) {
    if (typeof result !== 'object' || Array.isArray(result)) {
      return { ok: false, reason: 'result must be a JSON object' };
    }
    return { ok: true, result: result as Record<string, unknown> };
  }
  if (typeof result !== 'object' || Array.isArray(result)) {
    return { ok: false, reason: 'result must be a JSON object' };
  }
  const record = result as Record<string, unknown>;
  const parsed = schemaFor(type, record.type).safeParse(record);
  const problems = identityProblems(type, command, record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${['result', ...issue.path.map(String)].join('.')}: ${issue.message}`);
    }
  }
  if (!parsed.success || problems.length > 0) {
    return { ok: false, reason: problems.slice(0, MAX_REASONS).join('; ') };
  }
  return { ok: true, result: { ...parsed.data, errors: parsed.data.errors ?? [] } };
}
