import { hasCapability } from '../commands/index.js';
import type { ComposeRow } from './repository.js';

/*
 * Whether a deployment has a usable compose agent (status-panel.md, "Capabilities"), and if not, why:
 * the agent must advertise `compose_agent`, a URL, id and token must be registered, the agent must be
 * online, and the last call to the compose agent must not have failed to connect.
 */

export const FALLBACK_REASONS = ['not_advertised', 'no_registration', 'offline', 'unreachable'] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

export const COMPOSE_AGENT_CAPABILITY = 'compose_agent';

/** `compose_last_error` of a call that never reached the agent starts with this. */
export const UNREACHABLE_PREFIX = 'unreachable';

export interface ComposeState {
  available: boolean;
  fallbackReason: FallbackReason | null;
}

export interface ComposeStateInput {
  /** undefined when the deployment has no (unrevoked) agent. */
  capabilities: readonly string[] | undefined;
  row: ComposeRow | undefined;
  online: boolean;
}

export function isRegistered(row: ComposeRow | undefined): row is ComposeRow & {
  compose_url: string;
  compose_agent_id: string;
  compose_token_ciphertext: Buffer;
} {
  return (
    row !== undefined &&
    row.compose_url !== null &&
    row.compose_agent_id !== null &&
    row.compose_token_ciphertext !== null
  );
}

/** The last call failed to connect and no call has succeeded since. */
export function lastCallUnreachable(row: ComposeRow): boolean {
  if (row.compose_last_error_at === null || row.compose_last_error === null) return false;
  if (!row.compose_last_error.startsWith(UNREACHABLE_PREFIX)) return false;
  return row.compose_last_ok_at === null || row.compose_last_error_at > row.compose_last_ok_at;
}

export function composeState(input: ComposeStateInput): ComposeState {
  const unavailable = (fallbackReason: FallbackReason): ComposeState => ({
    available: false,
    fallbackReason,
  });
  // No agent yet: the contract answers no_registration.
  if (input.capabilities === undefined) return unavailable('no_registration');
  if (!hasCapability(input.capabilities, COMPOSE_AGENT_CAPABILITY)) return unavailable('not_advertised');
  if (!isRegistered(input.row)) return unavailable('no_registration');
  if (!input.online) return unavailable('offline');
  if (lastCallUnreachable(input.row)) return unavailable('unreachable');
  return { available: true, fallbackReason: null };
}
