import { z } from 'zod';
import { getCommandSpec } from './catalog-specs.js';

// The catalog's public face: everything other modules need is exported from here.
export {
  type AvailableCommand,
  availableCommands,
  enqueueRefusal,
  hasCapability,
  missingCapabilities,
  type ProxyCapabilityMode,
  requiredCapabilities,
} from './catalog-capabilities.js';
export type { CommandParams } from './catalog-params.js';
export { checkResult, HEALTH_RESULT_TYPES, type ResultCheck, type ResultCommand } from './catalog-results.js';
export { maskSecretParams, mergeSecretParams, SECRET_MASK, splitSecretParams } from './catalog-secrets.js';
export { type CommandSpec, getCommandSpec } from './catalog-specs.js';
export {
  COMMAND_TYPES,
  type CommandScope,
  type CommandType,
  isCommandType,
  PIPE_TYPES,
} from './catalog-types.js';

export interface ParamError {
  path: string;
  message: string;
}

export type ParamsResult =
  | { ok: true; params: Record<string, unknown> }
  | { ok: false; errors: ParamError[] };

/** The parameters of a type the catalog does not know: any JSON object up to this size, stored as sent. */
export const MAX_UNKNOWN_PARAMS_BYTES = 64 * 1024;

/**
 * Validates enqueue parameters: defaults filled, null treated as absent, keys the catalog does not name
 * kept. A type the catalog does not know is the agent's to judge: its parameters are kept unchanged.
 */
export function parseCommandParameters(type: string, raw: unknown): ParamsResult {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    return { ok: false, errors: [{ path: 'parameters', message: 'parameters must be an object' }] };
  }
  const spec = getCommandSpec(type);
  if (!spec) {
    const params = (raw ?? {}) as Record<string, unknown>;
    if (Buffer.byteLength(JSON.stringify(params), 'utf8') > MAX_UNKNOWN_PARAMS_BYTES) {
      return {
        ok: false,
        errors: [
          { path: 'parameters', message: `must be at most ${MAX_UNKNOWN_PARAMS_BYTES / 1024} KiB of JSON` },
        ],
      };
    }
    return { ok: true, params };
  }
  const present = Object.entries(raw ?? {}).filter(([, value]) => value !== null);
  const parsed = spec.params.safeParse(Object.fromEntries(present));
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: ['parameters', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    };
  }
  // Absent optional fields come back as undefined keys; drop them so stored JSON matches what was meant.
  const params = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
  return { ok: true, params };
}

export const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const DEFAULT_PRIORITY: Priority = 'normal';
export const prioritySchema = z.enum(PRIORITIES).default(DEFAULT_PRIORITY);

/** The `command.priority` smallint: 0 low … 3 critical. */
export function priorityToSmallint(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

export function priorityFromSmallint(value: number): Priority {
  const priority = PRIORITIES[value];
  if (priority === undefined) throw new RangeError(`command priority ${value} is outside 0..3`);
  return priority;
}

export const DEFAULT_TIMEOUT_SECONDS = 300;
export const MIN_TIMEOUT_SECONDS = 1;
export const MAX_TIMEOUT_SECONDS = 3600;
export const timeoutSecondsSchema = z
  .number()
  .int()
  .min(MIN_TIMEOUT_SECONDS)
  .max(MAX_TIMEOUT_SECONDS)
  .default(DEFAULT_TIMEOUT_SECONDS);
