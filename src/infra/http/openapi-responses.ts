import { STATUS_CODES } from 'node:http';

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
};

/** The errors many routes share, as reusable responses; a route's own wording wins where it has one. */
const SHARED: Record<number, { name: string; description: string; headers?: object }> = {
  400: {
    name: 'BadRequest',
    description: 'The request is not valid: `validation_failed` names each field in `errors`.',
  },
  401: { name: 'Unauthorized', description: 'Credentials are missing or not valid.' },
  403: {
    name: 'Forbidden',
    description: 'The caller is signed in but its role or plan does not allow this.',
  },
  404: {
    name: 'NotFound',
    description: "Not found, or not the caller's (someone else's resource is a 404, never a 403).",
  },
  413: { name: 'PayloadTooLarge', description: 'The request body is larger than the limit (1 MiB).' },
  415: {
    name: 'UnsupportedMediaType',
    description: 'The request content type is not supported (send `application/json`).',
  },
  429: {
    name: 'RateLimited',
    description: 'The plan rate limit is spent; retry after `Retry-After` seconds.',
    headers: retryAfter,
  },
  503: {
    name: 'ServiceUnavailable',
    description:
      'A dependency (database, User Service) is unavailable or the server is shutting down; retry after `Retry-After` seconds.',
    headers: retryAfter,
  },
};

const OTHER_DESCRIPTIONS: Record<number, string> = {
  200: 'Success.',
  201: 'Created.',
  202: 'Accepted: the work continues in the background.',
  204: 'No content.',
  402: 'Payment required: the template is paid and the caller has not bought it.',
  409: 'The request conflicts with the current state of the resource.',
  422: 'The request is well-formed but breaks a rule of the resource.',
  502: 'A dependency answered with something unusable.',
  504: 'A dependency did not answer in time.',
};

export function sharedResponseComponents(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const { name, description, headers } of Object.values(SHARED)) {
    out[name] = {
      description,
      ...(headers ? { headers } : {}),
      content: { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM_REF } },
    };
  }
  return out;
}

export const defaultDescription = (status: number) =>
  SHARED[status]?.description ?? OTHER_DESCRIPTIONS[status] ?? `${STATUS_CODES[status] ?? 'Reply'}.`;

type Response = { description?: string; content?: Record<string, { schema?: unknown }>; $ref?: string };

/**
 * One response made truthful: the default description replaced, an error sent as problem+json, and a
 * plain Problem error replaced by the shared response of its status.
 */
export function completeResponse(status: number, response: Response | undefined): Response {
  const shared = SHARED[status];
  if (response === undefined) {
    if (!shared) throw new Error(`no shared response for status ${status}`);
    return { $ref: `#/components/responses/${shared.name}` };
  }
  if (response.$ref) return response;
  const isDefault = !response.description || response.description === 'Default Response';
  const content = response.content ?? {};
  if (status >= 400) {
    const schema = Object.values(content)[0]?.schema ?? PROBLEM_REF;
    const plainProblem = (schema as { $ref?: string }).$ref === PROBLEM_REF.$ref;
    if (shared && isDefault && plainProblem) return { $ref: `#/components/responses/${shared.name}` };
    return {
      ...response,
      description: isDefault ? defaultDescription(status) : response.description,
      content: { [PROBLEM_MEDIA_TYPE]: { ...Object.values(content)[0], schema } },
    };
  }
  return { ...response, description: isDefault ? defaultDescription(status) : response.description };
}
