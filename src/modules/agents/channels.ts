/**
 * NOTIFY channel on which a rotation, revocation or first use of a new token is announced (payload:
 * the agent id), so every instance drops its cached copy of that agent's tokens.
 */
export const AGENT_CHANGED_CHANNEL = 'stacker_agent_changed';
