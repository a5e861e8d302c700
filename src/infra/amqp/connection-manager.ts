import { EventEmitter } from 'node:events';
import amqp, { type ChannelModel } from 'amqplib';
import { backoffDelay } from './backoff.js';
import { closeBounded } from './close-bounded.js';
import { assertTopology, type Topology } from './topology.js';

export type AmqpStatus = 'ok' | 'down' | 'not_configured';

export interface AmqpLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ConnectionManagerOptions {
  url: string;
  /** Shown in the broker's connection list (`rabbitmqctl list_connections client_properties`). */
  connectionName?: string;
  log?: AmqpLog;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Bounds the TCP + AMQP handshake, so a black-holed broker address does not stall the retry loop. */
  connectTimeoutMs?: number;
  /** A half-open TCP connection never errors by itself; heartbeats find it. Ignored when the URL sets one. */
  heartbeatSecs?: number;
  random?: () => number;
}

export class AmqpUnavailableError extends Error {
  override name = 'AmqpUnavailableError';
}

type ConnectListener = (model: ChannelModel) => void;

const silentLog: AmqpLog = { info() {}, warn() {}, error() {} };

/**
 * One AMQP connection per process. It connects in the background, reconnects with capped jittered
 * backoff whenever the connection is lost (broker restart, forced close, dead socket), re-asserts every
 * declared topology on each (re)connect, and then tells `onConnect` listeners (publisher, consumers)
 * so they open fresh channels: channels never survive their connection.
 *
 * Written on plain amqplib rather than a wrapper library because those buffer publishes in memory while
 * disconnected; Stacker's buffer is the outbox, so a publish must fail fast and visibly instead (decision 0015).
 */
export class AmqpConnectionManager {
  readonly connectionName: string;
  private model: ChannelModel | undefined;
  private blocked = false;
  private started = false;
  private closed = false;
  /** Consecutive failed connects since the last success: the backoff exponent. */
  private failures = 0;
  private everConnected = false;
  private connecting: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly topologies: Topology[] = [];
  private readonly events = new EventEmitter();
  private readonly log: AmqpLog;
  private readonly url: string;
  private readonly target: string;

  constructor(private readonly options: ConnectionManagerOptions) {
    this.connectionName = options.connectionName ?? 'stacker';
    this.log = options.log ?? silentLog;
    this.events.setMaxListeners(0);
    const parsed = new URL(options.url);
    if (!parsed.searchParams.has('heartbeat')) {
      parsed.searchParams.set('heartbeat', String(options.heartbeatSecs ?? 30));
    }
    this.url = parsed.toString();
    // Logged instead of the URL, which carries the password.
    this.target = `${parsed.hostname}:${parsed.port || '5672'}`;
  }

  /** Starts connecting in the background; never throws and never waits for the broker. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.tryConnect();
  }

  status(): AmqpStatus {
    // A blocked connection (broker memory or disk alarm) accepts no publishes: not healthy.
    return this.model && !this.blocked ? 'ok' : 'down';
  }

  get isBlocked(): boolean {
    return this.blocked;
  }

  /** True once a connect attempt has failed since the last success: the broker is down, not just reconnecting. */
  get failing(): boolean {
    return this.model === undefined && this.failures > 0;
  }

  /** The live connection, if any. */
  current(): ChannelModel | undefined {
    return this.model;
  }

  /** Resolves with the live connection, waiting up to `timeoutMs` for a (re)connect. */
  waitForConnection(timeoutMs: number): Promise<ChannelModel> {
    if (this.model) return Promise.resolve(this.model);
    if (this.closed) return Promise.reject(new AmqpUnavailableError('the AMQP connection is closed'));
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('connect', onConnect);
        this.events.off('closing', onClosing);
      };
      const onConnect = (model: ChannelModel) => {
        cleanup();
        resolve(model);
      };
      const onClosing = () => {
        cleanup();
        reject(new AmqpUnavailableError('the AMQP connection is closed'));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new AmqpUnavailableError(`no AMQP connection to ${this.target} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.events.on('connect', onConnect);
      this.events.on('closing', onClosing);
    });
  }

  /**
   * Registers exchanges, queues and bindings to assert on every (re)connect. While connected they are
   * asserted at once and a failure (e.g. an existing queue with other arguments) is thrown here.
   */
  async declare(topology: Topology): Promise<void> {
    this.topologies.push(topology);
    const model = this.model;
    if (!model) return;
    try {
      await this.assertOn(model, [topology]);
    } catch (error) {
      this.topologies.splice(this.topologies.indexOf(topology), 1);
      throw error;
    }
  }

  /** Called after every successful (re)connect, once the topology is in place. */
  onConnect(listener: ConnectListener): () => void {
    const safe = (model: ChannelModel) => {
      try {
        listener(model);
      } catch (error) {
        this.log.error({ err: error }, 'amqp connect listener threw');
      }
    };
    this.events.on('connect', safe);
    return () => this.events.off('connect', safe);
  }

  /** Called once when the manager is closing, before the connection goes. */
  onClosing(listener: () => void): () => void {
    this.events.on('closing', listener);
    return () => this.events.off('closing', listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.events.emit('closing');
    await this.connecting?.catch(() => {});
    const model = this.model;
    this.model = undefined;
    if (model) await closeBounded(model);
  }

  private tryConnect(): void {
    if (this.connecting || this.closed) return;
    this.connecting = this.connect()
      .catch((error: unknown) => {
        this.failures += 1;
        this.log.warn({ err: error, target: this.target, failures: this.failures }, 'amqp connect failed');
        this.scheduleReconnect();
      })
      .finally(() => {
        this.connecting = undefined;
      });
  }

  private async connect(): Promise<void> {
    const model = await amqp.connect(this.url, {
      timeout: this.options.connectTimeoutMs ?? 10_000,
      keepAlive: true,
      clientProperties: { connection_name: this.connectionName },
    });
    let lost = false;
    // 'error' is always followed by 'close'; the listener only keeps the emitter from throwing.
    model.on('error', (error: unknown) => this.log.warn({ err: error, target: this.target }, 'amqp error'));
    model.on('close', () => {
      lost = true;
      this.onLost(model);
    });
    model.on('blocked', (reason: unknown) => {
      this.blocked = true;
      this.log.warn({ reason, target: this.target }, 'amqp connection blocked by the broker');
    });
    model.on('unblocked', () => {
      this.blocked = false;
      this.log.info({ target: this.target }, 'amqp connection unblocked');
    });
    try {
      await this.assertOn(model, this.topologies);
      // The close may have been processed in the same tick as the last reply.
      if (lost) throw new AmqpUnavailableError('the AMQP connection closed during setup');
    } catch (error) {
      await closeBounded(model);
      throw error;
    }
    if (this.closed) {
      await closeBounded(model);
      return;
    }
    const reconnected = this.everConnected;
    this.model = model;
    this.blocked = false;
    this.failures = 0;
    this.everConnected = true;
    this.log.info({ target: this.target, reconnected }, 'amqp connected');
    this.events.emit('connect', model);
  }

  private async assertOn(model: ChannelModel, topologies: Topology[]): Promise<void> {
    if (topologies.length === 0) return;
    const channel = await model.createChannel();
    // A failed assertion closes the channel with an error event; the awaited call rejects with it too.
    channel.on('error', () => {});
    try {
      for (const topology of topologies) await assertTopology(channel, topology);
    } finally {
      await closeBounded(channel);
    }
  }

  private onLost(model: ChannelModel): void {
    if (this.model !== model) return;
    this.model = undefined;
    this.blocked = false;
    if (this.closed) return;
    this.log.warn({ target: this.target }, 'amqp connection lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const delay = backoffDelay(this.failures, {
      minMs: this.options.minBackoffMs ?? 200,
      maxMs: this.options.maxBackoffMs ?? 30_000,
      random: this.options.random,
    });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.tryConnect();
    }, delay);
    this.reconnectTimer.unref();
  }
}
