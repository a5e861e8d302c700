import { type CommandSpec, getCommandSpec } from './catalog-specs.js';
import { COMMAND_TYPES, type CommandScope } from './catalog-types.js';

/*
 * Agents advertise capabilities as `name` or `name=value`. The value is informative (a version, say);
 * only an explicit "off" value such as `kata=false` withholds the capability.
 */
const OFF_VALUES: ReadonlySet<string> = new Set(['false', '0', 'no', 'off', 'disabled']);

export function hasCapability(agentCapabilities: readonly string[], capability: string): boolean {
  return agentCapabilities.some((entry) => {
    const eq = entry.indexOf('=');
    const name = (eq < 0 ? entry : entry.slice(0, eq)).trim();
    if (name !== capability) return false;
    return (
      eq < 0 ||
      !OFF_VALUES.has(
        entry
          .slice(eq + 1)
          .trim()
          .toLowerCase(),
      )
    );
  });
}

/** The capabilities a command needs, given its parameters (a kata deployment also needs `kata`). */
export function requiredCapabilities(type: string, params?: Record<string, unknown>): string[] {
  const spec = getCommandSpec(type);
  if (!spec) return [];
  const required = [...spec.requires];
  if (type === 'deploy_app' && params?.runtime === 'kata') required.push('kata');
  return required;
}

export function missingCapabilities(
  agentCapabilities: readonly string[],
  type: string,
  params?: Record<string, unknown>,
): string[] {
  return requiredCapabilities(type, params).filter((cap) => !hasCapability(agentCapabilities, cap));
}

export interface AvailableCommand {
  command_type: string;
  label: string;
  icon: string;
  scope: CommandScope;
  /** The contract shows one string; commands needing several capabilities list them joined by ",". */
  requires: string;
}

/** The catalog entries an agent with these capabilities can run, in catalog order. */
export function availableCommands(agentCapabilities: readonly string[]): AvailableCommand[] {
  return COMMAND_TYPES.map((type) => getCommandSpec(type))
    .filter((spec): spec is CommandSpec => spec !== undefined)
    .filter((spec) => spec.requires.every((cap) => hasCapability(agentCapabilities, cap)))
    .map((spec) => ({
      command_type: spec.type,
      label: spec.label,
      icon: spec.icon,
      scope: spec.scope,
      requires: spec.requires.join(','),
    }));
}
