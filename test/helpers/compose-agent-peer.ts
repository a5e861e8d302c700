import type { ComposeAgentPeer } from '../../dev/compose-agent/index.js';
import type { ComposeNetworkPolicy } from '../../src/integrations/compose-agent/index.js';

// The compose agent peer lives in dev/compose-agent (runnable on its own); tests import it from here.
export * from '../../dev/compose-agent/index.js';

/** The body of `PUT /api/v1/agent/{id}/compose-agent` that points Stacker at this peer. */
export function peerRegistration(peer: ComposeAgentPeer): { url: string; agent_id: string; token: string } {
  return { url: peer.url, agent_id: peer.state.agentId, token: peer.state.token };
}

/** Lets a client reach the loopback peer while every other internal range stays blocked. */
export const LOOPBACK_ONLY_POLICY: ComposeNetworkPolicy = {
  allowedCidrs: ['127.0.0.0/8'],
  allowPrivate: false,
};
