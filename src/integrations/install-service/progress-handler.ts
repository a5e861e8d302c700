import type { AmqpLog } from '../../infra/amqp/connection-manager.js';
import { type ProgressUpdate, parseProgressMessage } from './progress-message.js';

/** What became of one update: applied, a no-op (duplicate), refused (final state), or no such deployment. */
export type ProgressOutcome = 'updated' | 'unchanged' | 'final' | 'unknown';

export type ApplyProgress = (update: ProgressUpdate) => Promise<ProgressOutcome>;

/**
 * Decides the fate of one delivery (install-service.md): a malformed body or an unknown deployment is
 * acked and logged (redelivering it could never succeed), and a late or duplicate message is acked and
 * ignored. A failure to apply it (the database) is thrown: the consumer then nacks it with requeue after
 * a pause, so it is applied once the cause passes, without spinning while it lasts.
 */
export async function handleProgressDelivery(
  content: Buffer,
  meta: { messageId?: string | undefined },
  apply: ApplyProgress,
  log: AmqpLog,
): Promise<'ack'> {
  const parsed = parseProgressMessage(content);
  if (!parsed.ok) {
    log.warn({ messageId: meta.messageId, reason: parsed.reason }, 'install progress message dropped');
    return 'ack';
  }
  const { update } = parsed;
  const outcome = await apply(update);
  if (outcome === 'unknown') {
    log.warn(
      { messageId: meta.messageId, target: update.target },
      'install progress for an unknown deployment',
    );
  } else if (outcome === 'final') {
    log.info(
      { messageId: meta.messageId, target: update.target, status: update.status },
      'install progress ignored: the deployment is in a final state',
    );
  }
  return 'ack';
}
