import { EventEmitter } from 'node:events';
import pg from 'pg';

type Handler = (payload: string) => void;

export interface ListenHubOptions {
  connectionString: string;
  log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A silent half-open TCP connection never errors; a periodic ping finds it. */
  pingIntervalMs?: number;
}

/**
 * One dedicated LISTEN connection per process, shared by every feature. Features subscribe to channels;
 * the hub LISTENs once per channel and fans notifications out in-process. When the connection is lost
 * (Postgres restart, `pg_terminate_backend`) it reconnects with capped exponential backoff, re-LISTENs
 * every channel and tells `onReconnect` subscribers, who must re-check state: notifications sent while
 * the hub was disconnected are gone.
 */
export class ListenHub {
  private client: pg.Client | undefined;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly events = new EventEmitter();
  private connecting: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private closed = false;
  private barrierInFlight: Promise<void> | undefined;
  private barrierNext: Promise<void> | undefined;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly pingIntervalMs: number;

  constructor(private readonly options: ListenHubOptions) {
    this.minBackoffMs = options.minBackoffMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.pingIntervalMs = options.pingIntervalMs ?? 30_000;
    this.events.setMaxListeners(0);
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  async start(): Promise<void> {
    await this.connect();
  }

  /** Resolves once the channel is LISTENed (or immediately while disconnected: reconnect LISTENs it). */
  async subscribe(channel: string, handler: Handler): Promise<() => void> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      if (this.client) await this.listen(this.client, channel).catch(() => this.scheduleReconnect());
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  /**
   * Resolves after a round trip on the LISTEN connection that began after this call: by then every
   * notification committed before the call has been dispatched. Postgres signals listening backends
   * while the writer commits (before the writer's client hears COMMIT), and an idle listener sends
   * them before it reads the next query, so they precede the reply on the same socket. Callers
   * arriving together share one round trip. Rejects while disconnected (the caller reads the
   * database instead).
   */
  barrier(): Promise<void> {
    if (!this.client) return Promise.reject(new Error('listen hub is not connected'));
    if (this.barrierNext) return this.barrierNext;
    const ping = () => {
      const client = this.client;
      if (!client) return Promise.reject(new Error('listen hub is not connected'));
      const done = client.query('SELECT 1').then(() => undefined);
      this.barrierInFlight = done;
      const settled = () => {
        if (this.barrierInFlight === done) this.barrierInFlight = undefined;
      };
      done.then(settled, settled);
      return done;
    };
    if (!this.barrierInFlight) return ping();
    // The round trip in flight may have begun before this call: the next one answers it.
    const next = this.barrierInFlight
      .catch(() => {})
      .then(() => {
        this.barrierNext = undefined;
        return ping();
      });
    this.barrierNext = next;
    return next;
  }

  onReconnect(handler: () => void): () => void {
    this.events.on('reconnect', handler);
    return () => this.events.off('reconnect', handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.connecting) return this.connecting;
    this.connecting = (async () => {
      const client = new pg.Client({
        connectionString: this.options.connectionString,
        keepAlive: true,
        application_name: 'stacker-listen-hub',
      });
      client.on('error', () => this.drop(client));
      client.on('end', () => this.drop(client));
      client.on('notification', (msg) => this.dispatch(msg.channel, msg.payload ?? ''));
      try {
        await client.connect();
        for (const channel of this.handlers.keys()) await this.listen(client, channel);
      } catch (error) {
        client.removeAllListeners('end');
        await client.end().catch(() => {});
        throw error;
      }
      if (this.closed) {
        await client.end().catch(() => {});
        return;
      }
      const wasReconnect = this.attempt > 0;
      this.client = client;
      this.attempt = 0;
      this.startPing(client);
      if (wasReconnect) {
        this.options.log?.info({}, 'listen hub reconnected');
        this.events.emit('reconnect');
      }
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async listen(client: pg.Client, channel: string): Promise<void> {
    await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
  }

  private dispatch(channel: string, payload: string): void {
    const set = this.handlers.get(channel);
    if (!set) return;
    for (const handler of set) {
      try {
        handler(payload);
      } catch (error) {
        this.options.log?.warn({ err: error, channel }, 'listen hub subscriber threw');
      }
    }
  }

  private startPing(client: pg.Client): void {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      client.query('SELECT 1').catch(() => this.drop(client));
    }, this.pingIntervalMs);
    this.pingTimer.unref();
  }

  private drop(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.pingTimer);
    client.end().catch(() => {});
    this.options.log?.warn({}, 'listen hub lost its connection; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const base = Math.min(this.maxBackoffMs, this.minBackoffMs * 2 ** this.attempt);
    const delay = base / 2 + Math.random() * (base / 2);
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect().catch(() => this.scheduleReconnect());
    }, delay);
    this.reconnectTimer.unref();
  }
}
