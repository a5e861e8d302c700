import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerToken } from './http-helpers.js';
import type { EmulatorState } from './state.js';

const TOKEN_LIFETIME_SECS = 3600;

export function registerOauthRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get('/oauth_server/api/me', async (request, reply) => {
    const token = bearerToken(request);
    const user = token === undefined ? undefined : state.store.userForToken(token);
    if (user === undefined) return reply.code(401).send({ error: 'invalid_token' });
    return state.replyShape === 'bare' ? user : { user };
  });

  // The password sign-in Stacker's agent login forwards (user-service.md): a form in, {access_token} out.
  app.post('/auth/login', async (request, reply) => {
    const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    const token = state.store.login(form.get('email') ?? '', form.get('password') ?? '');
    if (token === undefined) return reply.code(401).send({ error: 'invalid_credentials' });
    return { access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECS };
  });

  app.post('/oauth_server/token', async (request, reply) => {
    const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    if (form.get('grant_type') !== 'client_credentials') {
      return reply.code(400).send({ error: 'unsupported_grant_type' });
    }
    const client = clientFrom(request, form);
    if (client === undefined || !state.store.checkClient(client.id, client.secret)) {
      return reply.code(401).send({ error: 'invalid_client' });
    }
    const accessToken = state.store.issueAccessToken(Date.now(), TOKEN_LIFETIME_SECS);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECS };
  });
}

/** RFC 6749 allows the client in the form body or in HTTP Basic; accept both. */
function clientFrom(
  request: FastifyRequest,
  form: URLSearchParams,
): { id: string; secret: string } | undefined {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (basic !== undefined) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      const id = safeDecode(decoded.slice(0, colon));
      const secret = safeDecode(decoded.slice(colon + 1));
      return id && secret ? { id, secret } : undefined;
    }
  }
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret } : undefined;
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
