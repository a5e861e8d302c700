import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorState } from './state.js';

export function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** Service calls accept the static service token or any unexpired token from `/oauth_server/token`. */
export function isServiceCall(state: EmulatorState, request: FastifyRequest): boolean {
  const token = bearerToken(request);
  return token !== undefined && state.store.isServiceToken(token, Date.now());
}

export function refuseService(reply: FastifyReply): FastifyReply {
  return reply.code(401).send({ error: 'invalid_token' });
}

/** Bodies reach the handlers as raw strings (see `server.ts`); this reads a JSON one. */
export function jsonBody(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export function listReply<T>(state: EmulatorState, items: T[]): T[] | { _items: T[] } {
  return state.replyShape === 'bare' ? items : { _items: items };
}

/** Request headers for the sync log, without the bearer. */
export function loggableHeaders(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'authorization' || value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
