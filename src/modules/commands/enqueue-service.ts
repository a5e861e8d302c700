import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../../auth/principal.js';
import type { RateLimitBucket } from '../../config.js';
import type { Clock } from '../../infra/clock.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { AppError, conflict, validationFailed } from '../../infra/http/errors.js';
import { findStoredReply, withIdempotencyKey } from '../../infra/idempotency/idempotency.js';
import { APP_CODE_RE } from '../../infra/identifiers.js';
import type { DeploymentAgent, RequestMeta } from '../agents/index.js';
import { requireDeploymentAccessWithAgent } from '../agents/index.js';
import {
  DEFAULT_PRIORITY,
  DEFAULT_TIMEOUT_SECONDS,
  enqueueRefusal,
  type Priority,
  type ProxyCapabilityMode,
  parseCommandParameters,
  priorityToSmallint,
  splitSecretParams,
} from './catalog.js';
import { type CommandJson, toCommandJson } from './command-json.js';
import type { CommandRow } from './command-row.js';
import { commandRateLimitBucket } from './rate-limit-buckets.js';
import { findInflightHealth } from './repository.js';
import { insertQueuedCommand } from './write-repository.js';

export interface EnqueueDeps {
  db: Kysely<Database>;
  clock: Clock;
  secretBox: SecretBox;
  /** STACKER_CONFIGURE_PROXY_CAPABILITY_MODE (default warn). */
  proxyCapabilityMode?: ProxyCapabilityMode;
  log?: Pick<FastifyBaseLogger, 'warn'>;
}

export interface EnqueueInput {
  deploymentHash: string;
  commandType: string;
  priority?: Priority | null;
  parameters?: Record<string, unknown> | null;
  timeoutSeconds?: number | null;
}

/** Counts one hit of a plan rate-limit bucket for the caller (throws 429 when spent). */
export type EnqueueRateLimit = (bucket: RateLimitBucket, deploymentHash: string) => Promise<void>;

export interface EnqueueReply {
  status: 200 | 201;
  body: { message: string; item: CommandJson };
}

const IDEMPOTENCY_ROUTE = 'commands.enqueue';

/** Catalog validation (400 naming each field); a type the catalog does not know passes unchanged. */
function validate(input: EnqueueInput): Record<string, unknown> {
  const parsed = parseCommandParameters(input.commandType, input.parameters ?? undefined);
  if (!parsed.ok) throw validationFailed(parsed.errors);
  return parsed.params;
}

/** 409 only where the agent would certainly fail (enqueueRefusal); no agent yet is no reason. */
function requireCapabilities(
  deps: EnqueueDeps,
  agent: DeploymentAgent | undefined,
  input: EnqueueInput,
  params: Record<string, unknown>,
) {
  const live = agent && !agent.revoked;
  const { missing, proxyUnverified } = enqueueRefusal(
    live ? agent.capabilities : [],
    input.commandType,
    params,
    deps.proxyCapabilityMode ?? 'warn',
  );
  if (missing.length > 0) {
    const why = live ? `the agent does not advertise ${missing.join(', ')}` : 'no agent is registered';
    throw conflict('capability_missing', `Cannot run ${input.commandType} on this deployment: ${why}.`, {
      missing,
    });
  }
  if (proxyUnverified) {
    deps.log?.warn(
      { deploymentHash: input.deploymentHash },
      'configure_proxy queued for an agent that does not advertise npm_credential_source=vault',
    );
  }
}

/**
 * Enqueues a command for the owner of the deployment: ownership (404) first, then validation per the
 * catalog (400), then the few capability refusals (409). Secret parameters are stored encrypted. A health check
 * already in flight for the same app is returned (200) instead of duplicated.
 */
export async function enqueueCommand(
  deps: EnqueueDeps,
  user: AuthUser,
  input: EnqueueInput,
  meta: RequestMeta & { idempotencyKey?: string | undefined; rateLimit?: EnqueueRateLimit },
): Promise<EnqueueReply> {
  const { agent } = await requireDeploymentAccessWithAgent(deps.db, input.deploymentHash, user, 'write');
  const scope = {
    userId: user.id,
    key: meta.idempotencyKey,
    route: IDEMPOTENCY_ROUTE,
    now: deps.clock.now(),
  };
  // A retry returns the first reply before anything else: a spent rate limit must not hide it.
  const prior = await findStoredReply(deps.db, scope);
  if (prior !== undefined)
    return { status: prior.status as 200 | 201, body: prior.body as EnqueueReply['body'] };
  const params = validate(input);
  // After ownership (404 first) and validation: someone else's deployment never spends a budget.
  const bucket = commandRateLimitBucket(input.commandType);
  if (bucket !== undefined) await meta.rateLimit?.(bucket, input.deploymentHash);
  requireCapabilities(deps, agent, input, params);
  const now = deps.clock.now();
  const { publicParams, secretParams } = splitSecretParams(input.commandType, params);
  const appCode =
    typeof params.app_code === 'string' && APP_CODE_RE.test(params.app_code) ? params.app_code : null;
  const priority = input.priority ?? DEFAULT_PRIORITY;

  const insert = async (db: Kysely<Database>) => {
    const row = await insertQueuedCommand(
      db,
      {
        commandId: `cmd_${randomUUID()}`,
        deploymentHash: input.deploymentHash,
        type: input.commandType,
        appCode,
        priority: priorityToSmallint(priority),
        parameters: publicParams,
        secretParameters: secretParams ? deps.secretBox.sealJson(secretParams) : null,
        createdBy: user.id,
        timeoutSeconds: input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
        metadata: {},
        now,
      },
      {
        action: 'command.enqueued',
        actorType: 'user',
        actorId: user.id,
        details: { type: input.commandType, priority, app_code: appCode },
        ip: meta.ip,
        userAgent: meta.userAgent,
        at: now,
      },
    );
    if (!row) return reuseInflightHealth(db, input.deploymentHash, appCode);
    return { status: 201 as const, body: { message: 'Command enqueued', item: toCommandJson(row) } };
  };
  // Without a key the insert is one statement, atomic on its own: no BEGIN/COMMIT round trips.
  const outcome =
    scope.key === undefined
      ? await insert(deps.db)
      : await withIdempotencyKey<EnqueueReply['body']>(deps.db, { ...scope, now }, insert);
  return { status: outcome.status as 200 | 201, body: outcome.body };
}

async function reuseInflightHealth(
  db: Kysely<Database>,
  deploymentHash: string,
  appCode: string | null,
): Promise<{ status: 200; body: EnqueueReply['body'] }> {
  const existing: CommandRow | undefined = await findInflightHealth(db, deploymentHash, appCode);
  // The in-flight one finished between the insert and this read: the caller may simply retry.
  if (!existing) throw new AppError(409, 'health_check_busy', 'A health check just finished; retry.');
  return {
    status: 200,
    body: { message: 'Health check already in progress', item: toCommandJson(existing) },
  };
}
