import createFetchClient, { type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/**
 * A typed client of the Stacker API: paths, parameters, bodies and replies come from the OpenAPI
 * document, so a call that does not match the server's contract does not compile.
 *
 *   const stacker = createStackerClient({ baseUrl: 'http://localhost:8000', token: 'dev-vendor-token' });
 *   const { data, error } = await stacker.GET('/api/v1/me');
 */
export function createStackerClient(options: ClientOptions & { token?: string }) {
  const { token, headers, ...rest } = options;
  return createFetchClient<paths>({
    ...rest,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(headers as Record<string, string>),
    },
  });
}
