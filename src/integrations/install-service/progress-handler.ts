import type { AmqpLog } from '../../infra/amqp/connection-manager.js';
import { type ProgressUpdate, parseProgressMessage } from './progress-message.js';

/** What became of one update: applied, a no-op (duplicate), refused (final state), or no such deployment. */
export type ProgressOutcome = 'updated' | 'unchanged' | 'final' | 'unknown';

export type ApplyProgress = (update: ProgressUpdate) => Promise<ProgressOutcome>;

/**
 * Decides the fate of one delivery (install-service.md): a malformed body or an unknown deployment is
 * acked and logged (redelivering it could never succeed), a late or duplicate message is acked and
 * ignored, and a failure to apply it (the database) is requeued so it is applied once the cause passes.
 */
export async function handleProgressDelivery(
  content: Buffer,
  meta: { messageId?: string | undefined; redelivered: boolean },
  apply: ApplyProgress,
  log: AmqpLog,
): Promise<'ack' | 'requeue'> {
  const parsed = parseProgressMessage(content);
  if (!parsed.ok) {
    log.warn({ messageId: meta.messageId, reason: parsed.reason }, 'install progress message dropped');
    return 'ack';
  }
  const { update } = parsed;
  try {
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
  } catch (err) {
    log.error(
      { err, messageId: meta.messageId, redelivered: meta.redelivered },
      'install progress not applied; requeued',
    );
    return 'requeue';
  }
}
