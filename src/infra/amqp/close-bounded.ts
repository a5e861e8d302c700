import type { EventEmitter } from 'node:events';

/**
 * Closes a connection or channel and never hangs. amqplib's close() waits for the broker's CloseOk,
 * which never comes when the socket dies mid-close; the object's own 'close' event or a short timeout
 * ends the wait instead. Errors are swallowed: the object is gone either way.
 */
export function closeBounded(
  target: EventEmitter & { close(): Promise<void> },
  timeoutMs = 2_000,
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      target.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    target.once('close', done);
    target.close().then(done, done);
  });
}
