import { z } from 'zod';
import { APP_CODE_RE } from '../../infra/identifiers.js';
import type { CommandType } from './catalog-types.js';

/*
 * Parameter schemas of the command catalog (status-panel.md). z.object strips unknown keys; `null`
 * values are removed before parsing (see parseCommandParameters), and a blank optional string counts
 * as absent, because forms send "" for an empty field.
 */

// Docker container names (the API reports them with a leading '/'), or ids.
const CONTAINER_RE = /^\/?[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_COMPOSE_CHARS = 1024 * 1024;
const MAX_ENV_VARS = 500;
const MAX_ENV_VALUE_CHARS = 32 * 1024;

const blankToAbsent = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

function appCodeString(type: CommandType) {
  const required = `${type}.app_code is required`;
  return z
    .string({ error: (iss) => (iss.input === undefined ? required : `${type}.app_code must be a string`) })
    .trim()
    .min(1, { error: required, abort: true })
    .regex(APP_CODE_RE, { error: `${type}.app_code must match ${APP_CODE_RE.source}` });
}

const requiredAppCode = (type: CommandType) => appCodeString(type);
const optionalAppCode = (type: CommandType) => z.preprocess(blankToAbsent, appCodeString(type).optional());

function optionalText(type: CommandType, field: string, max: number, pattern?: RegExp) {
  let schema = z
    .string({ error: `${type}.${field} must be a string` })
    .max(max, { error: `${type}.${field} must be at most ${max} characters` });
  if (pattern) schema = schema.regex(pattern, { error: `${type}.${field} must match ${pattern.source}` });
  return z.preprocess(blankToAbsent, schema.optional());
}

const container = (type: CommandType) => optionalText(type, 'container', 256, CONTAINER_RE);

function int(type: CommandType, field: string, min: number, max: number, fallback: number) {
  const range = `${type}.${field} must be an integer between ${min} and ${max}`;
  return z
    .number({ error: range })
    .int({ error: range })
    .min(min, { error: range })
    .max(max, { error: range })
    .default(fallback);
}

const bool = (type: CommandType, field: string, fallback: boolean) =>
  z.boolean({ error: `${type}.${field} must be true or false` }).default(fallback);

function oneOf<const T extends readonly [string, ...string[]]>(
  type: CommandType,
  field: string,
  values: T,
  fallback: T[number],
) {
  return z.enum(values, { error: `${type}.${field} must be one of ${values.join(', ')}` }).default(fallback);
}

const envVars = z
  .record(
    z.string().regex(ENV_NAME_RE, { error: 'deploy_app.env_vars names must match ' + ENV_NAME_RE.source }),
    z.string({ error: 'deploy_app.env_vars values must be strings' }).max(MAX_ENV_VALUE_CHARS, {
      error: `deploy_app.env_vars values must be at most ${MAX_ENV_VALUE_CHARS} characters`,
    }),
    { error: 'deploy_app.env_vars must be an object of strings' },
  )
  .refine((vars) => Object.keys(vars).length <= MAX_ENV_VARS, {
    error: `deploy_app.env_vars may hold at most ${MAX_ENV_VARS} variables`,
  })
  .optional();

export const PARAM_SCHEMAS = {
  health: z.object({
    app_code: z.preprocess(blankToAbsent, appCodeString('health').default('all')),
    container: container('health'),
    include_metrics: bool('health', 'include_metrics', true),
    include_system: bool('health', 'include_system', false),
  }),
  logs: z.object({
    app_code: requiredAppCode('logs'),
    container: container('logs'),
    cursor: optionalText('logs', 'cursor', 512),
    limit: int('logs', 'limit', 1, 1000, 400),
    streams: z
      .array(z.enum(['stdout', 'stderr'], { error: 'logs.streams entries must be stdout or stderr' }), {
        error: 'logs.streams must be an array',
      })
      .min(1, { error: 'logs.streams must name at least one stream' })
      .default((): ('stdout' | 'stderr')[] => ['stdout', 'stderr']),
    redact: bool('logs', 'redact', true),
  }),
  list_containers: z.object({
    include_health: bool('list_containers', 'include_health', true),
    include_logs: bool('list_containers', 'include_logs', false),
    log_lines: int('list_containers', 'log_lines', 1, 100, 10),
  }),
  server_resources: z.object({
    include_disk: bool('server_resources', 'include_disk', true),
    include_network: bool('server_resources', 'include_network', true),
  }),
  error_summary: z.object({
    app_code: optionalAppCode('error_summary'),
    hours: int('error_summary', 'hours', 1, 168, 24),
    redact: bool('error_summary', 'redact', true),
  }),
  restart: z.object({
    app_code: requiredAppCode('restart'),
    container: container('restart'),
    force: bool('restart', 'force', false),
  }),
  start: z.object({ app_code: requiredAppCode('start'), container: container('start') }),
  stop: z.object({
    app_code: requiredAppCode('stop'),
    container: container('stop'),
    timeout: int('stop', 'timeout', 1, 300, 30),
  }),
  deploy_app: z.object({
    app_code: requiredAppCode('deploy_app'),
    compose_content: optionalText('deploy_app', 'compose_content', MAX_COMPOSE_CHARS),
    image: optionalText('deploy_app', 'image', 512),
    env_vars: envVars,
    pull: bool('deploy_app', 'pull', true),
    force_recreate: bool('deploy_app', 'force_recreate', false),
    runtime: oneOf('deploy_app', 'runtime', ['runc', 'kata'], 'runc'),
  }),
  remove_app: z.object({
    app_code: requiredAppCode('remove_app'),
    delete_config: bool('remove_app', 'delete_config', true),
    remove_volumes: bool('remove_app', 'remove_volumes', false),
    remove_image: bool('remove_app', 'remove_image', false),
  }),
  pause: z.object({ app_code: requiredAppCode('pause'), container: container('pause') }),
  rebuild: z.object({ app_code: optionalAppCode('rebuild') }),
  backup: z.object({ app_code: optionalAppCode('backup') }),
} satisfies Record<CommandType, z.ZodType>;

export type CommandParams<T extends CommandType> = z.output<(typeof PARAM_SCHEMAS)[T]>;
