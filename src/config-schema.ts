import { z } from 'zod';

/** The zod schema of every environment variable (config.md); config.ts turns the result into `Config`. */

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

// An exchange or queue name: AMQP's short string, without the reserved `amq.` prefix.
const amqpName = (fallback: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine((name) => !name.startsWith('amq.'), 'names starting with amq. are reserved by the broker')
    .default(fallback);

const csv = z
  .string()
  .optional()
  .transform((v) =>
    v === undefined
      ? []
      : v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
  );

/** Parses a JSON-valued variable; the inner schema names the bad key. */
const json = <T extends z.ZodType>(inner: T) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return undefined;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(inner.optional());

export const rateLimitsSchema = z.record(
  z.string(),
  z
    .object({
      deploy: z.number().int().positive(),
      restart: z.number().int().positive(),
      logs: z.number().int().positive(),
    })
    .partial(),
);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(8000, 0, 65535),
  TRUST_PROXY: z.string().default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // json for log collectors, pretty (one readable line per event) for a terminal; unset: json in production.
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_POOL_MAX: int(20, 1, 500),
  DATABASE_STATEMENT_TIMEOUT_MS: int(30_000, 100, 600_000),
  DATABASE_PREPARED_STATEMENTS: z.enum(['true', 'false', '1', '0']).optional(),
  DATABASE_POOLER: z.enum(['none', 'transaction']).default('none'),
  DATABASE_LISTEN_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_GROUP_COMMIT: z.enum(['true', 'false', '1', '0']).optional(),
  MIGRATE_ON_START: z.enum(['true', 'false', '1', '0']).optional(),
  DATA_DIR: z.string().default('.data'),
  URL_SERVER_USER: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  DEV_USER_SERVICE: z.enum(['true', 'false', '1', '0']).optional(),
  // The in-process emulator's port: fixed, so its /dev/* URLs stay the same across restarts (0: any free port).
  DEV_USER_SERVICE_PORT: int(4100, 0, 65535),
  ROLE_MAP: json(z.record(z.string(), z.string())),
  PLAN_ALIASES: json(z.record(z.string(), z.string())),
  STACKER_SERVICE_TOKEN: optionalString,
  STACKER_CLIENT_ID: optionalString,
  STACKER_CLIENT_SECRET: optionalString,
  USER_SERVICE_TOKEN_URL: optionalString.pipe(z.url().optional()),
  AUTH_CACHE_TTL_SECS: int(60, 1, 300),
  STACKER_WEBHOOK_SECRET: optionalString,
  STACKER_WEBHOOK_SECRET_FORMAT: z.enum(['standard', 'raw']).default('standard'),
  AMQP_URL: optionalString.pipe(z.url({ protocol: /^amqps?$/ }).optional()),
  // The contract's names (install-service.md); a second installation or a test run on a shared broker
  // sets its own so it never takes another one's messages.
  AMQP_INSTALL_EXCHANGE: amqpName('install'),
  AMQP_PROGRESS_EXCHANGE: amqpName('install_progress'),
  AMQP_PROGRESS_QUEUE: amqpName('stacker_listener'),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
  RATE_LIMIT_KEY_PREFIX: z.string().trim().min(1).default('stacker:ratelimit:'),
  STACKER_SECRET_KEY: optionalString,
  STACKER_SECRET_KEY_PREVIOUS: optionalString,
  AGENT_POLL_DEFAULT_SECS: int(30, 5, 300),
  AGENT_POLL_MAX_SECS: int(50, 5, 300),
  AGENT_OFFLINE_AFTER_SECS: int(120, 10, 86_400),
  AGENT_LEASE_GRACE_SECS: int(60, 0, 3600),
  AGENT_ASSUMED_TIMEOUT_SECS: int(300, 1, 86_400),
  AGENT_SIGNATURE_MIN_VERSION: z.enum(['1', '2']).default('1').transform(Number),
  AGENT_SIGNATURE_MODE: z.enum(['enforce', 'log']).default('enforce'),
  AGENT_SIGNATURE_MAX_SKEW_SECS: int(300, 1, 3600),
  AGENT_TOKEN_GRACE_SECS: int(2_592_000, 0, 31_536_000),
  AGENT_REPORT_MAX_BYTES: int(8_388_608, 1024, 67_108_864),
  AGENT_AUTH_FAILURES_PER_MINUTE: int(30, 1, 100_000),
  COMMAND_QUEUED_TTL_MUTATING_SECS: int(900, 1, 604_800),
  COMMAND_QUEUED_TTL_READONLY_SECS: int(300, 1, 604_800),
  COMMAND_RETENTION_DAYS: int(30, 1, 3650),
  STACKER_PUBLIC_URL: z
    .url()
    .optional()
    .transform((v) => v?.replace(/\/+$/, '')),
  STACKER_CONFIGURE_PROXY_CAPABILITY_MODE: z.enum(['warn', 'enforce']).default('warn'),
  COMPOSE_AGENT_ALLOWED_CIDRS: csv,
  COMPOSE_AGENT_ALLOW_PRIVATE: bool(false),
  COMPOSE_AGENT_TIMEOUT_SECS: int(10, 1, 60),
  SSH_ALLOWED_CIDRS: csv,
  SSH_ALLOW_PRIVATE: bool(false),
  HEALTH_CHECK_TIMEOUT_SECS: int(10, 1, 60),
  PLAN_TIERS: z
    .string()
    .default('free,basic,plus,pro,enterprise')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1)),
  RATE_LIMITS: json(rateLimitsSchema),
  CATEGORY_SYNC_INTERVAL_SECS: int(900, 0, 86_400),
  METRICS_TOKEN: optionalString,
  LOG_REDACT_EXTRA_VARS: csv,
  LOG_REDACT_EXTRA_PATTERNS: csv,
  SHUTDOWN_GRACE_MS: int(10_000, 0, 120_000),
});
