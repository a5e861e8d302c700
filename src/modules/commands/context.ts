import type { Redactor } from '../../infra/redaction/index.js';
import type { ChangeHub } from './change-hub.js';
import type { LatestCache } from './latest-cache.js';
import type { SseStreams } from './sse-stream.js';
import type { WaiterRegistry } from './waiters/waiter-registry.js';

/** The per-process pieces the command routes share (built once by the commands plugin). */
export interface CommandsContext {
  waiters: WaiterRegistry;
  changes: ChangeHub;
  streams: SseStreams;
  redactor: Redactor;
  latest: LatestCache;
}
