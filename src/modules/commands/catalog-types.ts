import type { z } from 'zod';

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
  // The deployed agent's other types (deployment-lifecycle.md, "Command types").
  'deploy_with_configs',
  'fetch_config',
  'apply_config',
  'fetch_all_configs',
  'config_diff',
  'configure_proxy',
  'configure_firewall',
  'probe_endpoints',
  'check_connections',
  'exec',
  'activate_pipe',
  'deactivate_pipe',
  'trigger_pipe',
] as const;

/** The pipe types: the agent runs them only when it advertises `pipes`. */
export const PIPE_TYPES: readonly string[] = ['activate_pipe', 'deactivate_pipe', 'trigger_pipe'];

export type CommandType = (typeof COMMAND_TYPES)[number];

/** Whether a command acts on one app's container or on the deployment as a whole. */
export type CommandScope = 'container' | 'deployment';

const TYPE_SET: ReadonlySet<string> = new Set(COMMAND_TYPES);

export function isCommandType(value: unknown): value is CommandType {
  return typeof value === 'string' && TYPE_SET.has(value);
}

export interface CommandSpec {
  readonly type: CommandType;
  readonly label: string;
  readonly icon: string;
  readonly scope: CommandScope;
  /** Read-only commands are re-queued when a lease runs out; mutating ones fail (never run twice). */
  readonly readOnly: boolean;
  /** Every one of these capabilities must be advertised by the agent. */
  readonly requires: readonly string[];
  /** Parameters stored encrypted and shown as "***" everywhere except in the copy sent to the agent. */
  readonly secretParams: readonly string[];
  readonly params: z.ZodType<Record<string, unknown>>;
}

export type SpecRow = Omit<CommandSpec, 'type' | 'params' | 'secretParams'> & {
  secretParams?: readonly string[];
};
