import type { AuthUser } from '../../auth/principal.js';
import { AppError, serviceUnavailable, validationFailed } from '../../infra/http/errors.js';
import { findDeploymentAgent, requireDeploymentAccess } from '../agents/index.js';
import type { CommandRow } from '../commands/index.js';
import { enqueueCommand, parseCommandParameters } from '../commands/index.js';
import { isFinished, waitForCommand } from './command-wait.js';
import type { CallerContext, StatusPanelContext } from './context.js';
import { isAgentOnline } from './liveness.js';

/*
 * A command answered in one request (status-panel.md, "Health check"; the legacy logs route works the
 * same way): enqueue over the pull queue, then wait up to HEALTH_CHECK_TIMEOUT_SECS for the agent's
 * report. An offline agent is answered 503 at once, without enqueueing.
 */

export type SyncOutcome =
  | { kind: 'done'; commandId: string; result: unknown }
  | { kind: 'pending'; commandId: string };

export const agentOffline = () =>
  serviceUnavailable('agent_offline', "The deployment's agent is offline; try again when it is back.");

/** The agent reported a failure (or the command ended without running): nothing to show as a result. */
function commandFailed(row: CommandRow): AppError {
  return new AppError(502, 'command_failed', `The agent could not run the ${row.type} command.`, {
    command_id: row.command_id,
    command_status: row.status,
    error: row.error ?? null,
  });
}

export async function runSynchronously(
  ctx: StatusPanelContext,
  user: AuthUser,
  caller: CallerContext,
  input: { deploymentHash: string; commandType: 'health' | 'logs'; parameters: Record<string, unknown> },
): Promise<SyncOutcome> {
  const { deploymentHash, commandType, parameters } = input;
  // 404 first; then the input (400); only then may the agent's state (503) show.
  await requireDeploymentAccess(ctx.db, deploymentHash, user, 'write');
  const parsed = parseCommandParameters(commandType, parameters);
  if (!parsed.ok) throw validationFailed(parsed.errors);
  const agent = await findDeploymentAgent(ctx.db, deploymentHash);
  if (!(await isAgentOnline(ctx.db, agent, ctx.clock.now(), ctx.config.agent.offlineAfterSecs))) {
    throw agentOffline();
  }
  // A health check already queued or sent for the same app comes back here instead of a new one.
  const enqueued = await enqueueCommand(
    { db: ctx.db, clock: ctx.clock, secretBox: ctx.secretBox },
    user,
    { deploymentHash, commandType, parameters: parsed.params },
    { ip: caller.ip, userAgent: caller.userAgent, rateLimit: caller.rateLimit },
  );
  const commandId = enqueued.body.item.command_id;
  const row = await waitForCommand(
    ctx,
    user,
    deploymentHash,
    commandId,
    ctx.config.healthCheckTimeoutSecs * 1000,
    caller.signal,
  );
  if (!isFinished(row)) return { kind: 'pending', commandId };
  if (row.status !== 'completed') throw commandFailed(row);
  // Stored redacted by the report: every string passed through the server's redactor.
  return { kind: 'done', commandId, result: row.result ?? null };
}
