import { z } from 'zod';
import {
  appCodeString,
  blankToAbsent,
  bool,
  container,
  int,
  oneOf,
  optionalAppCode,
  optionalText,
  requiredAppCode,
} from './catalog-param-fields.js';
import { AGENT_PARAM_SCHEMAS, registryAuth } from './catalog-params-agent.js';
import type { CommandType } from './catalog-types.js';

/*
 * Parameter schemas of the command catalog (status-panel.md). Keys a schema does not name are kept as
 * sent (loose objects): the CLI sends more than the catalog names (`registry_auth`, `config_files` on
 * deploy_app) and the agent ignores what it does not know. `null` values are removed before parsing (see
 * parseCommandParameters), and a blank optional string counts as absent, because forms send "" for an
 * empty field.
 */

const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_COMPOSE_CHARS = 1024 * 1024;
const MAX_ENV_VARS = 500;
const MAX_ENV_VALUE_CHARS = 32 * 1024;

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
  health: z.looseObject({
    app_code: z.preprocess(blankToAbsent, appCodeString('health').default('all')),
    container: container('health'),
    include_metrics: bool('health', 'include_metrics', true),
    include_system: bool('health', 'include_system', false),
  }),
  logs: z.looseObject({
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
  list_containers: z.looseObject({
    include_health: bool('list_containers', 'include_health', true),
    include_logs: bool('list_containers', 'include_logs', false),
    log_lines: int('list_containers', 'log_lines', 1, 100, 10),
  }),
  server_resources: z.looseObject({
    include_disk: bool('server_resources', 'include_disk', true),
    include_network: bool('server_resources', 'include_network', true),
  }),
  error_summary: z.looseObject({
    app_code: optionalAppCode('error_summary'),
    hours: int('error_summary', 'hours', 1, 168, 24),
    redact: bool('error_summary', 'redact', true),
  }),
  restart: z.looseObject({
    app_code: requiredAppCode('restart'),
    container: container('restart'),
    force: bool('restart', 'force', false),
  }),
  start: z.looseObject({ app_code: requiredAppCode('start'), container: container('start') }),
  stop: z.looseObject({
    app_code: requiredAppCode('stop'),
    container: container('stop'),
    timeout: int('stop', 'timeout', 1, 300, 30),
  }),
  deploy_app: z.looseObject({
    app_code: requiredAppCode('deploy_app'),
    compose_content: optionalText('deploy_app', 'compose_content', MAX_COMPOSE_CHARS),
    image: optionalText('deploy_app', 'image', 512),
    env_vars: envVars,
    pull: bool('deploy_app', 'pull', true),
    force_recreate: bool('deploy_app', 'force_recreate', false),
    force_config_overwrite: bool('deploy_app', 'force_config_overwrite', false),
    runtime: oneOf('deploy_app', 'runtime', ['runc', 'kata'], 'runc'),
    registry_auth: registryAuth('deploy_app'),
    config_files: z
      .array(z.unknown(), { error: 'deploy_app.config_files must be an array' })
      .max(500)
      .optional(),
  }),
  remove_app: z.looseObject({
    app_code: requiredAppCode('remove_app'),
    delete_config: bool('remove_app', 'delete_config', true),
    remove_volumes: bool('remove_app', 'remove_volumes', false),
    remove_image: bool('remove_app', 'remove_image', false),
  }),
  pause: z.looseObject({ app_code: requiredAppCode('pause'), container: container('pause') }),
  rebuild: z.looseObject({ app_code: optionalAppCode('rebuild') }),
  backup: z.looseObject({ app_code: optionalAppCode('backup') }),
  ...AGENT_PARAM_SCHEMAS,
} satisfies Record<CommandType, z.ZodType>;

export type CommandParams<T extends CommandType> = z.output<(typeof PARAM_SCHEMAS)[T]>;
