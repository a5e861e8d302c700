import { afterEach } from 'vitest';
import {
  type ComposeAgentClient,
  type ComposeAgentClientOptions,
  createComposeAgentClient,
  type ExecuteRequest,
} from '../../../src/integrations/compose-agent/index.js';
import {
  type ComposeAgentPeer,
  type ComposeAgentPeerOptions,
  LOOPBACK_ONLY_POLICY,
  startComposeAgentPeer,
} from '../../helpers/compose-agent-peer.js';

/** Starts peers and clients that are closed after each test. */
export function composeHarness() {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  return {
    async peer(options: ComposeAgentPeerOptions = {}): Promise<ComposeAgentPeer> {
      const peer = await startComposeAgentPeer(options);
      closers.push(() => peer.close());
      return peer;
    },
    client(options: Partial<ComposeAgentClientOptions> = {}): ComposeAgentClient {
      const client = createComposeAgentClient({ policy: LOOPBACK_ONLY_POLICY, ...options });
      closers.push(() => client.close());
      return client;
    },
  };
}

/** A request the peer accepts, for `name` on app `web`. */
export function requestFor(peer: ComposeAgentPeer, overrides: Partial<ExecuteRequest> = {}): ExecuteRequest {
  return {
    url: peer.url,
    composeAgentId: peer.state.agentId,
    token: peer.state.token,
    name: 'health',
    deploymentHash: 'dep-hash-1',
    appCode: 'web',
    ...overrides,
  };
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
