import { existsSync } from 'node:fs';
import type { z } from 'zod';
import {
  DEFAULT_PLAN_ALIASES,
  DEFAULT_RATE_LIMITS,
  DEFAULT_ROLE_MAP,
  type RateLimitBucket,
} from './config-defaults.js';
import { envSchema, type rateLimitsSchema } from './config-schema.js';
import { webhookSecretProblem } from './integrations/user-service/webhook-signature.js';

/**
 * The only reader of process.env. Every setting of the contract (`config.md`) is parsed here once,
 * with zod; a bad value stops the process with the variable's name.
 */

export {
  DEFAULT_PLAN_ALIASES,
  DEFAULT_RATE_LIMITS,
  DEFAULT_ROLE_MAP,
  RATE_LIMIT_BUCKETS,
  type RateLimitBucket,
} from './config-defaults.js';

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  trustProxy: boolean | string;
  logLevel: Env['LOG_LEVEL'];
  logFormat: 'json' | 'pretty';
  dataDir: string;
  database: {
    url: string | undefined;
    poolMax: number;
    statementTimeoutMs: number;
    migrateOnStart: boolean;
    /** Hot statements as named prepared statements (off behind a pooler that cannot keep them). */
    preparedStatements: boolean;
    /** `transaction`: DATABASE_URL is a transaction pooler (PgBouncer), so no session state goes through it. */
    pooler: 'none' | 'transaction';
    /** A direct connection for the LISTEN hub (a transaction pooler cannot deliver notifications). */
    listenUrl: string | undefined;
    /** Poll arrivals share replay-store inserts and claims (false: one statement per call, as before). */
    groupCommit: boolean;
  };
  userService: {
    url: string | undefined;
    devEmulator: boolean;
    /** Port of the in-process development emulator (0: any free port). */
    devEmulatorPort: number;
    serviceToken: string | undefined;
    clientId: string | undefined;
    clientSecret: string | undefined;
    tokenUrl: string | undefined;
    webhookSecret: string | undefined;
    webhookSecretFormat: 'standard' | 'raw';
  };
  auth: { cacheTtlSecs: number; roleMap: Record<string, string> };
  plans: { aliases: Record<string, string>; tiers: string[] };
  amqpUrl: string | undefined;
  /** Exchange and queue names on the broker (the contract's unless a deployment shares the broker). */
  amqpTopology: { installExchange: string; progressExchange: string; progressQueue: string };
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
  commands: {
    queuedTtlMutatingSecs: number;
    queuedTtlReadonlySecs: number;
    retentionDays: number;
    /** configure_proxy for an agent without vault credentials: logged (`warn`) or refused (`enforce`). */
    proxyCapabilityMode: 'warn' | 'enforce';
  };
  compose: { allowedCidrs: string[]; allowPrivate: boolean; timeoutSecs: number };
  ssh: { allowedCidrs: string[]; allowPrivate: boolean };
  healthCheckTimeoutSecs: number;
  /** Stacker's public base URL, handed to the CLI as its API base (else the request's scheme and host). */
  publicUrl: string | undefined;
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
  if (e.DATABASE_POOLER === 'transaction' && !(e.DATABASE_URL && e.DATABASE_LISTEN_URL)) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_LISTEN_URL: DATABASE_POOLER=transaction needs DATABASE_URL (the pooler) and DATABASE_LISTEN_URL (a direct connection for LISTEN)',
    );
  }
  const webhookProblem =
    e.STACKER_WEBHOOK_SECRET === undefined
      ? undefined
      : webhookSecretProblem(e.STACKER_WEBHOOK_SECRET, e.STACKER_WEBHOOK_SECRET_FORMAT);
  if (webhookProblem) {
    throw new ConfigError(`Invalid configuration:\n  STACKER_WEBHOOK_SECRET: ${webhookProblem}`);
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
    logFormat: e.LOG_FORMAT ?? (isProduction ? 'json' : 'pretty'),
    dataDir: e.DATA_DIR,
    database: {
      url: e.DATABASE_URL,
      poolMax: e.DATABASE_POOL_MAX,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      // PgBouncer before 1.21 (or without max_prepared_statements) loses them between transactions.
      preparedStatements: flag(e.DATABASE_PREPARED_STATEMENTS, e.DATABASE_POOLER === 'none'),
      pooler: e.DATABASE_POOLER,
      listenUrl: e.DATABASE_LISTEN_URL,
      groupCommit: flag(e.DATABASE_GROUP_COMMIT, true),
      migrateOnStart: flag(e.MIGRATE_ON_START, e.DATABASE_URL === undefined),
    },
    userService: {
      url: e.URL_SERVER_USER?.replace(/\/+$/, ''),
      devEmulator: !isProduction && flag(e.DEV_USER_SERVICE, true),
      devEmulatorPort: e.DEV_USER_SERVICE_PORT,
      serviceToken: e.STACKER_SERVICE_TOKEN,
      clientId: e.STACKER_CLIENT_ID,
      clientSecret: e.STACKER_CLIENT_SECRET,
      tokenUrl: e.USER_SERVICE_TOKEN_URL,
      webhookSecret: e.STACKER_WEBHOOK_SECRET,
      webhookSecretFormat: e.STACKER_WEBHOOK_SECRET_FORMAT,
    },
    auth: { cacheTtlSecs: e.AUTH_CACHE_TTL_SECS, roleMap: { ...DEFAULT_ROLE_MAP, ...e.ROLE_MAP } },
    plans: { aliases: { ...DEFAULT_PLAN_ALIASES, ...e.PLAN_ALIASES }, tiers: e.PLAN_TIERS },
    amqpUrl: e.AMQP_URL,
    amqpTopology: {
      installExchange: e.AMQP_INSTALL_EXCHANGE,
      progressExchange: e.AMQP_PROGRESS_EXCHANGE,
      progressQueue: e.AMQP_PROGRESS_QUEUE,
    },
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
      proxyCapabilityMode: e.STACKER_CONFIGURE_PROXY_CAPABILITY_MODE,
    },
    compose: {
      allowedCidrs: e.COMPOSE_AGENT_ALLOWED_CIDRS,
      allowPrivate: e.COMPOSE_AGENT_ALLOW_PRIVATE,
      timeoutSecs: e.COMPOSE_AGENT_TIMEOUT_SECS,
    },
    ssh: { allowedCidrs: e.SSH_ALLOWED_CIDRS, allowPrivate: e.SSH_ALLOW_PRIVATE },
    healthCheckTimeoutSecs: e.HEALTH_CHECK_TIMEOUT_SECS,
    publicUrl: e.STACKER_PUBLIC_URL,
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
  /** Set by `.ci/run` after installing PgBouncer: its tests then fail, not skip, when it is missing. */
  pgbouncerBin: string | undefined;
  /** Set by `.ci/run` after installing Debian's docker-compose: generated compose files are then checked by it. */
  dockerComposeBin: string | undefined;
  ci: boolean;
} {
  return {
    databaseUrl: process.env.TEST_DATABASE_URL || undefined,
    amqpUrl: process.env.AMQP_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
    pgbouncerBin: process.env.PGBOUNCER_BIN || undefined,
    dockerComposeBin: process.env.DOCKER_COMPOSE_BIN || undefined,
    ci: Boolean(process.env.CI),
  };
}
