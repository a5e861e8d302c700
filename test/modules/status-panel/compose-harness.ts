import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer, type DevUser } from '../../helpers/auth.js';
import {
  type ComposeAgentPeer,
  type ComposeAgentPeerOptions,
  DEFAULT_PEER_APPS,
  peerRegistration,
  startComposeAgentPeer,
} from '../../helpers/compose-agent-peer.js';
import { COMPOSE_CAPABILITIES, get, onlineDeployment, post, SECRET_LOG_MESSAGES } from './helpers.js';

/**
 * An app that may call compose agents on loopback (calls give up after 2 s: the 504 case) and peers
 * that are closed after each test. Call at the top of a test file.
 */
export function composeHarness() {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: { COMPOSE_AGENT_ALLOWED_CIDRS: '127.0.0.0/8', COMPOSE_AGENT_TIMEOUT_SECS: '2' },
    });
  });
  afterAll(async () => {
    await t.close();
  });
  const peers: ComposeAgentPeer[] = [];
  afterEach(async () => {
    for (const peer of peers.splice(0)) await peer.close();
  });

  /** A peer whose `api` app logs the four secrets of the redaction case. */
  async function peer(options: ComposeAgentPeerOptions = {}): Promise<ComposeAgentPeer> {
    const started = await startComposeAgentPeer({
      apps: [
        ...DEFAULT_PEER_APPS,
        {
          app_code: 'api',
          container_name: 'api-1',
          container_state: 'running',
          status: 'ok',
          logs: SECRET_LOG_MESSAGES.map((message, i) => ({ stream: i % 2 ? 'stderr' : 'stdout', message })),
        },
      ],
      ...options,
    });
    peers.push(started);
    return started;
  }

  /** An online deployment whose agent advertises compose_agent, registered (by an admin) at `target`. */
  async function composeDeployment(
    target: ComposeAgentPeer,
    options: { owner?: DevUser; token?: string } = {},
  ): Promise<Fixture> {
    const f = await onlineDeployment(t, {
      capabilities: COMPOSE_CAPABILITIES,
      owner: options.owner ?? 'vendor',
    });
    const registration = { ...peerRegistration(target), ...(options.token ? { token: options.token } : {}) };
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/agent/${f.agent.id}/compose-agent`,
      headers: bearer('admin'),
      payload: registration,
    });
    if (res.statusCode !== 200) throw new Error(`registration answered ${res.statusCode}: ${res.body}`);
    return f;
  }

  return {
    app: () => t,
    peer,
    composeDeployment,
    restart: (f: Fixture, payload: Record<string, unknown> = { app_code: 'web' }, user: DevUser = 'vendor') =>
      post(t, composeUrl(f.hash, 'restart'), user, payload),
    capabilities: async (hash: string) =>
      (await get(t, `/api/v1/deployments/${hash}/capabilities`)).json().item,
  };
}

export const composeUrl = (hash: string, action: string, query = '') =>
  `/api/v1/compose/${hash}/${action}${query}`;
