import type { AuthUser } from '../../auth/principal.js';
import type { CommandJson } from '../commands/index.js';
import { enqueueCommand } from '../commands/index.js';
import type { CallerContext, StatusPanelContext } from './context.js';

export const CONTAINER_ACTIONS = ['restart', 'start', 'stop'] as const;
export type ContainerAction = (typeof CONTAINER_ACTIONS)[number];

/**
 * The legacy container routes (hosts without a compose agent): the command API's enqueue with the app
 * from the path, so ownership (404), catalog validation (400), the `restart` rate limit, the capability
 * check (409) and the audit are exactly the command API's.
 */
export async function enqueueContainerAction(
  ctx: StatusPanelContext,
  user: AuthUser,
  caller: CallerContext,
  input: {
    deploymentHash: string;
    action: ContainerAction;
    appCode: string;
    options: Record<string, unknown>;
  },
): Promise<CommandJson> {
  const reply = await enqueueCommand(
    { db: ctx.db, clock: ctx.clock, secretBox: ctx.secretBox },
    user,
    {
      deploymentHash: input.deploymentHash,
      commandType: input.action,
      parameters: { ...input.options, app_code: input.appCode },
    },
    { ip: caller.ip, userAgent: caller.userAgent, rateLimit: caller.rateLimit },
  );
  return reply.body.item;
}
