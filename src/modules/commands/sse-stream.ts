import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import type { ChangeHub } from './change-hub.js';
import { toCommandJson } from './command-json.js';
import { encodeCursor, type FeedCursor } from './feed-cursor.js';
import { changesAfter } from './feed-service.js';

/*
 * `GET /api/v1/commands/{hash}/stream`: one `command` event per change, its id the change cursor, so
 * `Last-Event-ID` resumes without gaps. Woken by NOTIFY; a heartbeat comment every 15 s keeps proxies
 * from closing the idle connection and doubles as a safety re-read. Closed cleanly on shutdown.
 */

export const SSE_HEARTBEAT_MS = 15_000;
const PAGE = 100;

export interface SseDeps {
  db: Kysely<Database>;
  hub: ChangeHub;
  log: FastifyBaseLogger;
  heartbeatMs?: number;
}

export class SseStreams {
  private readonly closers = new Set<() => void>();

  constructor(private readonly deps: SseDeps) {}

  get size(): number {
    return this.closers.size;
  }

  /** Ends every open stream (shutdown). */
  closeAll(): void {
    for (const close of [...this.closers]) close();
  }

  /** Takes over the response (no compression, no serializer) and streams until the client leaves. */
  serve(request: FastifyRequest, reply: FastifyReply, deploymentHash: string, start: FeedCursor): void {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });
    res.write('retry: 3000\n\n');

    let cursor = start;
    let draining = false;
    let again = false;
    let closed = false;
    const drain = async (): Promise<void> => {
      if (closed) return;
      if (draining) {
        again = true;
        return;
      }
      draining = true;
      try {
        do {
          again = false;
          for (;;) {
            const page = await changesAfter(this.deps.db, deploymentHash, cursor, PAGE);
            page.rows.forEach((row, i) => {
              const data = JSON.stringify(toCommandJson(row));
              res.write(`id: ${encodeCursor(page.cursors[i]!)}\nevent: command\ndata: ${data}\n\n`);
            });
            cursor = page.next;
            if (page.rows.length < PAGE || closed) break;
          }
        } while (again && !closed);
      } catch (error) {
        // Ended rather than left open and silent: the client reconnects after `retry` with its
        // Last-Event-ID, and a read that keeps failing answers that reconnect with an error.
        this.deps.log.warn({ err: error, deploymentHash }, 'command stream read failed');
        close();
      } finally {
        draining = false;
      }
    };

    const off = this.deps.hub.on(deploymentHash, () => void drain());
    const heartbeat = setInterval(() => {
      res.write(': ping\n\n');
      void drain();
    }, this.deps.heartbeatMs ?? SSE_HEARTBEAT_MS);
    heartbeat.unref();
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      off();
      this.closers.delete(close);
      if (!res.writableEnded) res.end();
    };
    this.closers.add(close);
    res.once('close', close);
    void drain();
  }
}
