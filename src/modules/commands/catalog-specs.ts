import type { z } from 'zod';
import { PARAM_SCHEMAS } from './catalog-params.js';
import { COMMAND_TYPES, type CommandScope, type CommandType, isCommandType } from './catalog-types.js';

/*
 * The one command catalog (status-panel.md): validation, capability checks, the capabilities reply,
 * lease behaviour (readOnly) and labels all read from here.
 */

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

type SpecRow = Omit<CommandSpec, 'type' | 'params' | 'secretParams'> & { secretParams?: readonly string[] };

const ROWS: Record<CommandType, SpecRow> = {
  health: {
    label: 'Health',
    icon: 'fas fa-heartbeat',
    scope: 'container',
    readOnly: true,
    requires: ['status_panel'],
  },
  logs: { label: 'Logs', icon: 'fas fa-file-alt', scope: 'container', readOnly: true, requires: ['logs'] },
  list_containers: {
    label: 'Containers',
    icon: 'fas fa-list',
    scope: 'deployment',
    readOnly: true,
    requires: ['docker'],
  },
  server_resources: {
    label: 'Resources',
    icon: 'fas fa-server',
    scope: 'deployment',
    readOnly: true,
    requires: ['monitoring'],
  },
  error_summary: {
    label: 'Errors',
    icon: 'fas fa-exclamation-triangle',
    scope: 'deployment',
    readOnly: true,
    requires: ['logs'],
  },
  restart: {
    label: 'Restart',
    icon: 'fas fa-redo',
    scope: 'container',
    readOnly: false,
    requires: ['docker'],
  },
  start: { label: 'Start', icon: 'fas fa-play', scope: 'container', readOnly: false, requires: ['docker'] },
  stop: { label: 'Stop', icon: 'fas fa-stop', scope: 'container', readOnly: false, requires: ['docker'] },
  deploy_app: {
    label: 'Deploy App',
    icon: 'fas fa-rocket',
    scope: 'container',
    readOnly: false,
    requires: ['docker'],
    secretParams: ['env_vars', 'compose_content'],
  },
  remove_app: {
    label: 'Remove App',
    icon: 'fas fa-trash',
    scope: 'container',
    readOnly: false,
    requires: ['docker'],
  },
  // v0.2.x agents advertise docker/compose without implementing these three, hence the extra capability.
  pause: {
    label: 'Pause',
    icon: 'fas fa-pause',
    scope: 'container',
    readOnly: false,
    requires: ['docker', 'pause'],
  },
  rebuild: {
    label: 'Rebuild Stack',
    icon: 'fas fa-sync',
    scope: 'deployment',
    readOnly: false,
    requires: ['compose', 'rebuild'],
  },
  backup: {
    label: 'Backup',
    icon: 'fas fa-download',
    scope: 'deployment',
    readOnly: false,
    requires: ['backup'],
  },
};

const CATALOG: ReadonlyMap<CommandType, CommandSpec> = new Map(
  COMMAND_TYPES.map((type) => [
    type,
    Object.freeze({
      ...ROWS[type],
      type,
      secretParams: ROWS[type].secretParams ?? [],
      params: PARAM_SCHEMAS[type],
    }),
  ]),
);

export function getCommandSpec(type: string): CommandSpec | undefined {
  return isCommandType(type) ? CATALOG.get(type) : undefined;
}
