/** Every command type the catalog knows, in the order the capabilities reply lists them. */
export const COMMAND_TYPES = [
  'health',
  'logs',
  'list_containers',
  'server_resources',
  'error_summary',
  'restart',
  'start',
  'stop',
  'deploy_app',
  'remove_app',
  'pause',
  'rebuild',
  'backup',
] as const;

export type CommandType = (typeof COMMAND_TYPES)[number];

/** Whether a command acts on one app's container or on the deployment as a whole. */
export type CommandScope = 'container' | 'deployment';

const TYPE_SET: ReadonlySet<string> = new Set(COMMAND_TYPES);

export function isCommandType(value: unknown): value is CommandType {
  return typeof value === 'string' && TYPE_SET.has(value);
}
