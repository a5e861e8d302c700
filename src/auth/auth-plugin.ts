import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type AppError, forbidden, notFound, unauthorized } from '../infra/http/errors.js';
import type { UserServiceClient } from '../integrations/user-service/index.js';
import { AccessControl } from './casbin/access-control.js';
import { ANONYMOUS, type AuthAgent, type Principal } from './principal.js';
import { ServiceClientAuthenticator } from './service-client/service-client-auth.js';
import { UserAuthenticator } from './user-authenticator.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's one User Service client. */
    userService: UserServiceClient;
    userAuth: UserAuthenticator;
    serviceClients: ServiceClientAuthenticator;
    accessControl: AccessControl;
    /** Provided by the agent authentication plugin: id + bearer check, run before the body is read. */
    authenticateAgent?: (request: FastifyRequest) => Promise<AuthAgent>;
  }
}

async function resolvePrincipal(app: FastifyInstance, request: FastifyRequest): Promise<Principal> {
  const headers = request.headers;
  if (headers['x-agent-id'] !== undefined) {
    if (!app.authenticateAgent)
      throw unauthorized('agent_unauthorized', 'Agent authentication is not available.');
    return { kind: 'agent', subject: 'agent', agent: await app.authenticateAgent(request) };
  }
  const clientId = headers['stacker-id'];
  if (clientId !== undefined) {
    if (typeof clientId !== 'string') throw unauthorized('client_unauthorized', 'Unknown service client.');
    return {
      kind: 'client',
      subject: 'client',
      client: await app.serviceClients.identify(request, clientId),
    };
  }
  const authorization = headers.authorization;
  if (authorization === undefined) return ANONYMOUS;
  const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
  if (!match) {
    throw unauthorized('invalid_authorization', 'The Authorization header must be "Bearer <token>".');
  }
  const token = match[1]!;
  const user = await app.userAuth.authenticate(token);
  return { kind: 'user', subject: user.subject, user, token };
}

function deny(principal: Principal, request: FastifyRequest): AppError {
  switch (principal.kind) {
    case 'anonymous':
      return unauthorized('unauthorized', 'Authentication is required.');
    case 'agent':
      // The deployed agent replaces its token on any 401/403: a route it may not use is "not found".
      return notFound(`Route ${request.method} ${request.url.split('?')[0]}`);
    default:
      return forbidden('forbidden', 'You are not allowed to do this.');
  }
}

/**
 * Who is calling, and may they: resolves `request.principal` in onRequest (before the body is read),
 * then asks Casbin about the route pattern and method. Service-client HMACs are checked in
 * preValidation, once the raw body is there.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { userService: UserServiceClient }) => {
    app.decorate('userService', opts.userService);
    app.decorate(
      'userAuth',
      new UserAuthenticator({
        userService: opts.userService,
        ttlSecs: app.config.auth.cacheTtlSecs,
        roleMap: app.config.auth.roleMap,
        clock: app.clock,
      }),
    );
    app.decorate(
      'serviceClients',
      new ServiceClientAuthenticator(app.db, app.secretBox, app.clock, app.config.agent.maxSkewSecs),
    );
    const accessControl = new AccessControl({ db: app.db, listenHub: app.listenHub, log: app.log });
    app.decorate('accessControl', accessControl);
    // Reference types cannot be request decorators (they would be shared); onRequest sets it first thing.
    app.decorateRequest('principal', null as never);

    app.healthChecks.set('user_service', () => {
      const state = opts.userService.circuitState();
      return state === 'closed' ? 'ok' : state === 'open' ? 'down' : 'degraded';
    });

    app.addHook('onReady', async () => {
      await accessControl.start();
    });
    app.addHook('onClose', async () => {
      accessControl.stop();
    });

    app.addHook('onRequest', async (request) => {
      request.principal = ANONYMOUS;
      const route = request.routeOptions.url;
      if (route === undefined) return; // no route: the 404 handler answers
      const principal =
        request.routeOptions.config.authenticate === false ? ANONYMOUS : await resolvePrincipal(app, request);
      request.principal = principal;
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      if (!accessControl.allowed(principal.subject, route, method)) throw deny(principal, request);
    });

    app.addHook('preValidation', async (request) => {
      if (request.pendingClientSecret !== undefined) app.serviceClients.verify(request);
    });
  },
  { name: 'auth', dependencies: ['db', 'health'] },
);
