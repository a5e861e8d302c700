import type { FastifyServerOptions } from 'fastify';

/**
 * Paths pino censors in every log line. Request headers are not logged by default; these paths also
 * cover objects that handlers log on purpose.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-agent-signature"]',
  'req.headers["stacker-hash"]',
  'req.headers.cookie',
  'headers.authorization',
  '*.authorization',
  '*.token',
  '*.agent_token',
  '*.access_token',
  '*.client_secret',
  '*.password',
  '*.secret',
  '*.secrets',
  '*.signature',
  '*.user_token',
  '*.cloud',
  '*.server',
  '*.environment',
];

export function loggerOptions(level: string, pretty = false): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    ...(pretty ? {} : {}),
  };
}
