import { existsSync } from 'node:fs';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting of the contract (`config.md`) is parsed here once,
 * with zod; a bad value stops the process with the variable's name.
 */

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

export const DEFAULT_ROLE_MAP: Record<string, string> = {
  group_user: 'group_user',
  user: 'group_user',
  creator: 'group_user',
  vendor: 'group_user',
  developer: 'group_user',
  group_admin: 'group_admin',
  admin: 'group_admin',
  admin_service: 'group_admin',
  root: 'root',
};

/** Keys ending in `*` match by prefix. */
export const DEFAULT_PLAN_ALIASES: Record<string, string> = {
  professional: 'pro',
  team: 'pro',
  'plan-pro-*': 'pro',
  'plan-plus-*': 'plus',
  'plan-basic-*': 'basic',
  'plan-enterprise-*': 'enterprise',
  'plan-individual-*': 'enterprise',
};

export const RATE_LIMIT_BUCKETS = ['deploy', 'restart', 'logs'] as const;
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number];

export const DEFAULT_RATE_LIMITS: Record<string, Record<RateLimitBucket, number>> = {
  free: { deploy: 5, restart: 3, logs: 10 },
  basic: { deploy: 10, restart: 5, logs: 20 },
  plus: { deploy: 10, restart: 5, logs: 20 },
  pro: { deploy: 20, restart: 10, logs: 40 },
  enterprise: { deploy: 60, restart: 30, logs: 120 },
};

const rateLimitsSchema = z.record(
  z.string(),
  z
    .object({
      deploy: z.number().int().positive(),
      restart: z.number().int().positive(),
      logs: z.number().int().positive(),
    })
    .partial(),
);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(8000, 0, 65535),
  TRUST_PROXY: z.string().default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_POOL_MAX: int(20, 1, 500),
  DATABASE_STATEMENT_TIMEOUT_MS: int(30_000, 100, 600_000),
  MIGRATE_ON_START: z.enum(['true', 'false', '1', '0']).optional(),
  DATA_DIR: z.string().default('.data'),
  URL_SERVER_USER: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  DEV_USER_SERVICE: z.enum(['true', 'false', '1', '0']).optional(),
  ROLE_MAP: json(z.record(z.string(), z.string())),
  PLAN_ALIASES: json(z.record(z.string(), z.string())),
  STACKER_SERVICE_TOKEN: optionalString,
  STACKER_CLIENT_ID: optionalString,
  STACKER_CLIENT_SECRET: optionalString,
  USER_SERVICE_TOKEN_URL: optionalString.pipe(z.url().optional()),
  AUTH_CACHE_TTL_SECS: int(60, 1, 300),
  STACKER_WEBHOOK_SECRET: optionalString,
  AMQP_URL: optionalString.pipe(z.url({ protocol: /^amqps?$/ }).optional()),
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
  COMPOSE_AGENT_ALLOWED_CIDRS: csv,
  COMPOSE_AGENT_ALLOW_PRIVATE: bool(false),
  COMPOSE_AGENT_TIMEOUT_SECS: int(10, 1, 60),
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

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  trustProxy: boolean | string;
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
  database: { url: string | undefined; poolMax: number; statementTimeoutMs: number; migrateOnStart: boolean };
  userService: {
    url: string | undefined;
    devEmulator: boolean;
    serviceToken: string | undefined;
    clientId: string | undefined;
    clientSecret: string | undefined;
    tokenUrl: string | undefined;
    webhookSecret: string | undefined;
  };
  auth: { cacheTtlSecs: number; roleMap: Record<string, string> };
  plans: { aliases: Record<string, string>; tiers: string[] };
  amqpUrl: string | undefined;
  redisUrl: string | undefined;
  /** Prefix of every rate-limit key in Redis (several installations may share one Redis). */
  rateLimitKeyPrefix: string;
  secretKey: { current: string | undefined; previous: string | undefined };
  agent: {
    pollDefaultSecs: number;
    pollMaxSecs: number;
    offlineAfterSecs: number;
    leaseGraceSecs: number;
    assumedTimeoutSecs: number;
    signatureMinVersion: number;
    signatureMode: 'enforce' | 'log';
    maxSkewSecs: number;
    tokenGraceSecs: number;
    reportMaxBytes: number;
    authFailuresPerMinute: number;
  };
  commands: { queuedTtlMutatingSecs: number; queuedTtlReadonlySecs: number; retentionDays: number };
  compose: { allowedCidrs: string[]; allowPrivate: boolean; timeoutSecs: number };
  healthCheckTimeoutSecs: number;
  rateLimits: Record<string, Record<RateLimitBucket, number>>;
  categorySyncIntervalSecs: number;
  metricsToken: string | undefined;
  redaction: { extraVars: string[]; extraPrefixes: string[] };
  shutdownGraceMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseTrustProxy(raw: string): boolean | string {
  if (raw === 'true') return true;
  if (raw === 'false' || raw === '') return false;
  return raw;
}

function mergeRateLimits(overrides: z.infer<typeof rateLimitsSchema> | undefined) {
  const merged: Record<string, Record<RateLimitBucket, number>> = structuredClone(DEFAULT_RATE_LIMITS);
  for (const [plan, buckets] of Object.entries(overrides ?? {})) {
    merged[plan] = { ...(merged[plan] ?? DEFAULT_RATE_LIMITS.free!), ...buckets };
  }
  return merged;
}

/** Builds the config from an environment map. Throws ConfigError naming every bad variable. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const flag = (v: string | undefined, fallback: boolean) =>
    v === undefined ? fallback : v === 'true' || v === '1';

  if (isProduction) {
    const missing: string[] = [];
    if (!e.DATABASE_URL) missing.push('DATABASE_URL');
    if (!e.URL_SERVER_USER) missing.push('URL_SERVER_USER');
    if (!e.STACKER_SECRET_KEY) missing.push('STACKER_SECRET_KEY');
    if (!e.STACKER_SERVICE_TOKEN && !(e.STACKER_CLIENT_ID && e.STACKER_CLIENT_SECRET)) {
      missing.push('STACKER_SERVICE_TOKEN or STACKER_CLIENT_ID+STACKER_CLIENT_SECRET');
    }
    if (missing.length > 0) {
      throw new ConfigError(
        `NODE_ENV=production refuses the embedded development defaults; set: ${missing.join(', ')}`,
      );
    }
  }
  if (e.AGENT_POLL_DEFAULT_SECS > e.AGENT_POLL_MAX_SECS) {
    throw new ConfigError(
      'Invalid configuration:\n  AGENT_POLL_DEFAULT_SECS: must not exceed AGENT_POLL_MAX_SECS',
    );
  }

  return {
    env: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    database: {
      url: e.DATABASE_URL,
      poolMax: e.DATABASE_POOL_MAX,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      migrateOnStart: flag(e.MIGRATE_ON_START, e.DATABASE_URL === undefined),
    },
    userService: {
      url: e.URL_SERVER_USER?.replace(/\/+$/, ''),
      devEmulator: !isProduction && flag(e.DEV_USER_SERVICE, true),
      serviceToken: e.STACKER_SERVICE_TOKEN,
      clientId: e.STACKER_CLIENT_ID,
      clientSecret: e.STACKER_CLIENT_SECRET,
      tokenUrl: e.USER_SERVICE_TOKEN_URL,
      webhookSecret: e.STACKER_WEBHOOK_SECRET,
    },
    auth: { cacheTtlSecs: e.AUTH_CACHE_TTL_SECS, roleMap: { ...DEFAULT_ROLE_MAP, ...e.ROLE_MAP } },
    plans: { aliases: { ...DEFAULT_PLAN_ALIASES, ...e.PLAN_ALIASES }, tiers: e.PLAN_TIERS },
    amqpUrl: e.AMQP_URL,
    redisUrl: e.REDIS_URL,
    rateLimitKeyPrefix: e.RATE_LIMIT_KEY_PREFIX,
    secretKey: { current: e.STACKER_SECRET_KEY, previous: e.STACKER_SECRET_KEY_PREVIOUS },
    agent: {
      pollDefaultSecs: e.AGENT_POLL_DEFAULT_SECS,
      pollMaxSecs: e.AGENT_POLL_MAX_SECS,
      offlineAfterSecs: e.AGENT_OFFLINE_AFTER_SECS,
      leaseGraceSecs: e.AGENT_LEASE_GRACE_SECS,
      assumedTimeoutSecs: e.AGENT_ASSUMED_TIMEOUT_SECS,
      signatureMinVersion: e.AGENT_SIGNATURE_MIN_VERSION,
      signatureMode: e.AGENT_SIGNATURE_MODE,
      maxSkewSecs: e.AGENT_SIGNATURE_MAX_SKEW_SECS,
      tokenGraceSecs: e.AGENT_TOKEN_GRACE_SECS,
      reportMaxBytes: e.AGENT_REPORT_MAX_BYTES,
      authFailuresPerMinute: e.AGENT_AUTH_FAILURES_PER_MINUTE,
    },
    commands: {
      queuedTtlMutatingSecs: e.COMMAND_QUEUED_TTL_MUTATING_SECS,
      queuedTtlReadonlySecs: e.COMMAND_QUEUED_TTL_READONLY_SECS,
      retentionDays: e.COMMAND_RETENTION_DAYS,
    },
    compose: {
      allowedCidrs: e.COMPOSE_AGENT_ALLOWED_CIDRS,
      allowPrivate: e.COMPOSE_AGENT_ALLOW_PRIVATE,
      timeoutSecs: e.COMPOSE_AGENT_TIMEOUT_SECS,
    },
    healthCheckTimeoutSecs: e.HEALTH_CHECK_TIMEOUT_SECS,
    rateLimits: mergeRateLimits(e.RATE_LIMITS),
    categorySyncIntervalSecs: e.CATEGORY_SYNC_INTERVAL_SECS,
    metricsToken: e.METRICS_TOKEN,
    redaction: { extraVars: e.LOG_REDACT_EXTRA_VARS, extraPrefixes: e.LOG_REDACT_EXTRA_PATTERNS },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}

/** Reads the process environment (and `.env` outside production). */
export async function loadConfig(): Promise<Config> {
  if (process.env.NODE_ENV !== 'production' && existsSync('.env')) {
    const dotenv = await import('dotenv');
    dotenv.config({ quiet: true });
  }
  return parseConfig(process.env);
}

/** Test-only settings, read here so no other module touches process.env. */
export function readTestEnv(): {
  databaseUrl: string | undefined;
  amqpUrl: string | undefined;
  redisUrl: string | undefined;
  ci: boolean;
} {
  return {
    databaseUrl: process.env.TEST_DATABASE_URL || undefined,
    amqpUrl: process.env.AMQP_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
    ci: Boolean(process.env.CI),
  };
}
