import { type CommandSpec, getCommandSpec } from './catalog-specs.js';
import { COMMAND_TYPES, type CommandScope, PIPE_TYPES } from './catalog-types.js';

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

const KATA_TYPES: ReadonlySet<string> = new Set(['deploy_app', 'deploy_with_configs']);

/** The capabilities a command needs, given its parameters (a kata deployment also needs `kata`). */
export function requiredCapabilities(type: string, params?: Record<string, unknown>): string[] {
  const spec = getCommandSpec(type);
  if (!spec) return [];
  const required = [...spec.requires];
  if (KATA_TYPES.has(type) && params?.runtime === 'kata') required.push('kata');
  return required;
}

export function missingCapabilities(
  agentCapabilities: readonly string[],
  type: string,
  params?: Record<string, unknown>,
): string[] {
  return requiredCapabilities(type, params).filter((cap) => !hasCapability(agentCapabilities, cap));
}

/** STACKER_CONFIGURE_PROXY_CAPABILITY_MODE: `warn` enqueues configure_proxy anyway, `enforce` refuses. */
export type ProxyCapabilityMode = 'warn' | 'enforce';

const VAULT_CREDENTIALS = 'npm_credential_source=vault';
const NEEDS_OWN_CAPABILITY: ReadonlySet<string> = new Set(['pause', 'rebuild', 'backup']);

/**
 * The capabilities whose absence makes enqueue refuse (409): only where the agent would certainly fail
 * (status-panel.md). Anything else is queued even with no agent yet: the CLI enqueues list_containers
 * before every deploy and reads a command that stays queued as "no agent", while a 409 aborts it.
 * `proxyUnverified` is set when configure_proxy goes ahead (warn mode) without vault credentials.
 */
export function enqueueRefusal(
  agentCapabilities: readonly string[],
  type: string,
  params: Record<string, unknown>,
  proxyMode: ProxyCapabilityMode,
): { missing: string[]; proxyUnverified: boolean } {
  const lacks = (cap: string) => !hasCapability(agentCapabilities, cap);
  const missing: string[] = [];
  if (NEEDS_OWN_CAPABILITY.has(type)) missing.push(...requiredCapabilities(type).filter(lacks));
  if (KATA_TYPES.has(type) && params.runtime === 'kata' && lacks('kata')) missing.push('kata');
  if (PIPE_TYPES.includes(type) && lacks('pipes')) missing.push('pipes');
  const proxyUnverified =
    type === 'configure_proxy' && !agentCapabilities.some((c) => c.trim() === VAULT_CREDENTIALS);
  if (proxyUnverified && proxyMode === 'enforce') missing.push(VAULT_CREDENTIALS);
  return { missing, proxyUnverified: proxyUnverified && proxyMode !== 'enforce' };
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
