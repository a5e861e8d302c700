import { PARAM_SCHEMAS } from './catalog-params.js';
import { AGENT_SPEC_ROWS } from './catalog-specs-agent.js';
import {
  COMMAND_TYPES,
  type CommandSpec,
  type CommandType,
  isCommandType,
  type SpecRow,
} from './catalog-types.js';

export type { CommandSpec } from './catalog-types.js';

/*
 * The one command catalog (status-panel.md): validation, capability checks, the capabilities reply,
 * lease behaviour (readOnly) and labels all read from here.
 */

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
    secretParams: ['env_vars', 'compose_content', 'registry_auth'],
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
  ...AGENT_SPEC_ROWS,
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
