import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuthAgent } from '../principal.js';
import { AgentAuthenticator } from './agent-authenticator.js';
import type { AgentCredentialStore } from './credential-store.js';
import { AuthFailureAudit } from './failure-audit.js';
import { FailureLimiter } from './failure-limiter.js';
import { AgentTokenCache } from './token-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    agentAuth: AgentAuthenticator;
  }
}

export interface AgentAuthPluginOptions {
  /** The agents module's credentials, wired by app.ts. */
  store: AgentCredentialStore;
}

/**
 * Agent authentication: decorates `authenticateAgent` (check 1, called by the identity plugin's
 * onRequest hook whenever `X-Agent-Id` is present) and `agentAuth` (checks 2–5, for the agent routes'
 * preValidation via `agentRequestHook`). Registered before the identity plugin.
 */
export const agentAuthPlugin = fp(
  async (app: FastifyInstance, options: AgentAuthPluginOptions) => {
    const { store } = options;
    const cache = new AgentTokenCache((id) => store.load(id));
    const authenticator = new AgentAuthenticator({
      store,
      clock: app.clock,
      config: app.config.agent,
      cache,
      limiter: new FailureLimiter(app.config.agent.authFailuresPerMinute),
      audit: new AuthFailureAudit(app.db),
    });
    app.decorateRequest('agentToken', null);
    app.decorate('agentAuth', authenticator);
    app.decorate('authenticateAgent', (request: FastifyRequest) => authenticator.authenticate(request));

    const unsubscribe = await app.listenHub.subscribe(store.changedChannel, (agentId) =>
      cache.invalidate(agentId),
    );
    const offReconnect = app.listenHub.onReconnect(() => cache.clear());
    app.addHook('onClose', async () => {
      unsubscribe();
      offReconnect();
      cache.clear();
    });
  },
  { name: 'agent-auth', dependencies: ['db'] },
);

/**
 * preValidation hook of an agent route: checks 2–5 against the deployment the request names.
 * `deploymentOf` reads it from the (not yet validated) params or body.
 */
export function agentRequestHook(deploymentOf: (request: FastifyRequest) => unknown) {
  return async (request: FastifyRequest): Promise<void> => {
    const named = deploymentOf(request);
    await request.server.agentAuth.verify(request, typeof named === 'string' ? named : undefined);
  };
}

export type { AuthAgent };
