import type { FastifyServerOptions } from 'fastify';
import { type Logger, pino } from 'pino';

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

/**
 * The process logger: JSON lines in production (for collectors), and in development one readable line
 * per event through pino-pretty (loaded only then). Redaction applies to both.
 */
export async function createLogger(config: {
  logLevel: string;
  logFormat: 'json' | 'pretty';
}): Promise<Logger> {
  const options = { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  if (config.logFormat === 'json') return pino(options);
  const { default: pretty } = await import('pino-pretty');
  return pino(
    options,
    pretty({
      colorize: process.stdout.isTTY === true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,req,res,route,responseTime,reqId',
      sync: true,
    }),
  );
}
