import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON body exactly as received: signatures (agents, service clients) are checked over it. */
    rawBody?: Buffer;
  }
}

/**
 * Replaces the JSON parser with one that keeps the received bytes next to the parsed value, so an HMAC
 * is computed over what the client sent rather than over a re-serialisation. Parsing itself stays
 * Fastify's (prototype-poisoning safe).
 */
export const rawBodyPlugin = fp(
  async (app: FastifyInstance) => {
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      const buffer = body as Buffer;
      request.rawBody = buffer;
      parseJson(request, buffer as unknown as string, done);
    });
  },
  { name: 'raw-body' },
);
