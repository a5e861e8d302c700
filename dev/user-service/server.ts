import { setTimeout as sleep } from 'node:timers/promises';
import Fastify from 'fastify';
import { loadSnapshot, saveSnapshot } from './persistence.js';
import { registerApiRoutes } from './routes-api.js';
import { registerDevRoutes } from './routes-dev.js';
import { registerOauthRoutes } from './routes-oauth.js';
import { EmulatorState, type EmulatorStateOptions } from './state.js';

export interface UserServiceEmulatorOptions extends EmulatorStateOptions {
  /** 0 (default) picks a free port; a fixed port may be reused after `close()` to emulate an outage. */
  port?: number;
  /** Loopback only, unless `allowRemote` (a private container network, e.g. docker-compose). */
  host?: string;
  allowRemote?: boolean;
  /** Keeps data, counters and hooks across a restart (ignores `seed`, `webhookSecret`, `replyShape`). */
  state?: EmulatorState;
  /** A JSON file the store is loaded from at start and saved to after every change (development). */
  persistPath?: string;
}

export interface UserServiceEmulator {
  url: string;
  port: number;
  state: EmulatorState;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** A real HTTP server speaking the User Service contract, for development and tests. */
export async function startUserServiceEmulator(
  options: UserServiceEmulatorOptions = {},
): Promise<UserServiceEmulator> {
  const host = options.host ?? '127.0.0.1';
  // Fixed public tokens must never be reachable from another machine by accident.
  if (!LOOPBACK_HOSTS.has(host) && !options.allowRemote)
    throw new Error(`the User Service emulator binds to loopback only, not ${host}`);
  const state = options.state ?? new EmulatorState(options);
  const persistPath = options.persistPath;
  if (persistPath) loadSnapshot(state.store, persistPath);

  // forceCloseConnections: close() drops keep-alive and in-flight sockets at once, like a crashed service.
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 1024 * 1024 });
  // Handlers get raw strings: the webhook signature covers the exact bytes, and the token route is a form.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    ['application/json', 'application/x-www-form-urlencoded'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? request.url;
    state.recordCall(path);
    if (path.startsWith('/dev/')) return;
    if (state.latencyMs > 0) await sleep(state.latencyMs, undefined, { ref: false });
    const status = state.takeFault(path);
    if (status !== undefined) return reply.code(status).send({ error: 'injected_failure' });
  });

  if (persistPath) {
    app.addHook('onResponse', async (request) => {
      if (request.method === 'GET' || request.method === 'HEAD') return;
      try {
        saveSnapshot(state.store, persistPath);
      } catch (error) {
        // A read-only folder must not break the emulator: it then forgets on restart, and says so.
        request.log.warn({ err: error }, `the emulator could not save its data to ${persistPath}`);
      }
    });
  }

  registerOauthRoutes(app, state);
  registerApiRoutes(app, state);
  registerDevRoutes(app, state);

  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('emulator has no TCP address');
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    state,
    close: () => app.close(),
  };
}
