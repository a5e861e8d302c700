import type { AuthUser } from '../../auth/principal.js';
import { writeAudit } from '../../infra/audit/audit-log.js';
import { AppError, conflict, validationFailed } from '../../infra/http/errors.js';
import { type ComposeOutcome, toAppError } from '../../integrations/compose-agent/index.js';
import { findDeploymentAgent, requireDeploymentAccess } from '../agents/index.js';
import { checkResult, parseCommandParameters } from '../commands/index.js';
import { COMPOSE_ACTION_SPECS, type ComposeAction, type LegacyRoute } from './compose-actions.js';
import { composeState, type FallbackReason, isRegistered, UNREACHABLE_PREFIX } from './compose-state.js';
import type { CallerContext, StatusPanelContext } from './context.js';
import { isAgentOnline } from './liveness.js';
import {
  type ComposeRow,
  findComposeRowByHash,
  recordComposeFailure,
  recordComposeSuccess,
} from './repository.js';

/*
 * The compose routes (compose-agent.md): the one place Stacker calls a host directly. Order of checks:
 * ownership (404), input (400), rate limit (429), a usable compose agent (409), then the signed call.
 * Every call is audited and its outcome recorded on the agent row, which is how capabilities learn
 * that the compose agent is unreachable — and, after a later success, that it is back.
 */

export interface ComposeCallInput {
  deploymentHash: string;
  action: ComposeAction;
  params: Record<string, unknown>;
}

function unavailable(reason: FallbackReason, legacy: LegacyRoute): AppError {
  return conflict(
    'compose_agent_unavailable',
    `This deployment has no usable compose agent (${reason}); use ${legacy.method} ${legacy.path}.`,
    { fallback_reason: reason, legacy_route: legacy },
  );
}

/** What `compose_last_error` says about a failed call: a prefix capabilities can read, then detail. */
function describeFailure(outcome: Exclude<ComposeOutcome, { kind: 'ok' }>): string {
  switch (outcome.kind) {
    case 'unreachable':
      return `${UNREACHABLE_PREFIX}:${outcome.reason}`;
    case 'agent_failed':
      return `agent_failed:${outcome.status}`;
    default:
      return outcome.kind;
  }
}

async function recordOutcome(
  ctx: StatusPanelContext,
  user: AuthUser,
  caller: CallerContext,
  row: ComposeRow,
  input: ComposeCallInput & { appCode: string },
  outcome: ComposeOutcome,
): Promise<void> {
  const now = ctx.clock.now();
  if (outcome.kind === 'ok') await recordComposeSuccess(ctx.db, row.id, now);
  else await recordComposeFailure(ctx.db, row.id, describeFailure(outcome), now);
  await writeAudit(ctx.db, {
    action: `compose.${input.action}`,
    actorType: 'user',
    actorId: user.id,
    deploymentHash: input.deploymentHash,
    target: outcome.commandId,
    outcome: outcome.kind,
    details: {
      app_code: input.appCode,
      command: COMPOSE_ACTION_SPECS[input.action].command,
      request_id: outcome.requestId,
      ...(outcome.kind === 'agent_failed' ? { compose_agent_status: outcome.status } : {}),
      // Why a call never reached the agent is for operators (the caller only sees a 503).
      ...(outcome.kind === 'unreachable' ? { reason: outcome.reason } : {}),
    },
    ip: caller.ip,
    userAgent: caller.userAgent,
    at: now,
  });
}

export async function callComposeAgent(
  ctx: StatusPanelContext,
  user: AuthUser,
  caller: CallerContext,
  input: ComposeCallInput,
): Promise<unknown> {
  const spec = COMPOSE_ACTION_SPECS[input.action];
  const hash = input.deploymentHash;
  await requireDeploymentAccess(ctx.db, hash, user, spec.access);
  const parsed = parseCommandParameters(spec.command, { ...input.params, ...spec.fixed });
  if (!parsed.ok) throw validationFailed(parsed.errors);
  const { app_code: appCode, ...params } = parsed.params as { app_code: string } & Record<string, unknown>;
  if (spec.bucket !== undefined) await caller.rateLimit(spec.bucket, hash);

  const found = await findDeploymentAgent(ctx.db, hash);
  const agent = found && !found.revoked ? found : undefined;
  const row = agent ? await findComposeRowByHash(ctx.db, hash) : undefined;
  const online = await isAgentOnline(ctx.db, agent, ctx.clock.now(), ctx.config.agent.offlineAfterSecs);
  const state = composeState({ capabilities: agent?.capabilities, row, online });
  const legacy = spec.legacy(hash, appCode);
  // An unreachable agent is still called: only a call can find out that it is back.
  if (state.fallbackReason !== null && state.fallbackReason !== 'unreachable') {
    throw unavailable(state.fallbackReason, legacy);
  }
  if (!isRegistered(row)) throw unavailable('no_registration', legacy);

  const outcome = await ctx.compose.execute({
    url: row.compose_url,
    composeAgentId: row.compose_agent_id,
    token: ctx.secretBox.openString(row.compose_token_ciphertext),
    name: spec.command,
    deploymentHash: hash,
    appCode,
    params,
  });
  await recordOutcome(ctx, user, caller, row, { ...input, appCode }, outcome);
  const redact = (text: string) => ctx.redactor.redactString(text).value;
  if (outcome.kind !== 'ok') {
    const error = toAppError(outcome, { redact });
    if (outcome.kind !== 'unreachable') throw error;
    throw new AppError(
      error.status,
      error.code,
      error.detail,
      { ...error.extras, fallback_reason: 'unreachable', legacy_route: legacy },
      error.errors,
      error.headers,
    );
  }
  // Lenient like a report on the pull path: identity fields must match, known fields be well typed.
  const checked = checkResult(spec.command, { deploymentHash: hash, appCode }, outcome.result);
  if (!checked.ok) {
    throw new AppError(
      502,
      'compose_agent_error',
      'The compose agent sent a result Stacker cannot read.',
      { compose_agent_status: 200, compose_agent_error: null },
      [{ path: 'compose_agent', message: redact(checked.reason) }],
    );
  }
  return ctx.redactor.redactDeep(checked.result);
}
