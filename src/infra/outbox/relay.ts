import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import type { ListenHub } from '../db/listen-hub.js';
import { type DeliveryDeps, type DeliveryResult, deliverClaimed } from './delivery.js';
import { OUTBOX_CHANNEL } from './outbox-writer.js';
import { purgeDelivered } from './purge.js';
import type { OutboxMetrics } from './relay-metrics.js';
import { claimHeads, nextDueAt, type OutboxRow } from './relay-repository.js';
import type { OutboxSender } from './sender.js';

export interface RelayLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface OutboxRelayOptions {
  db: Kysely<Database>;
  secretBox: SecretBox;
  clock: Clock;
  /** The jitter source of the retry schedule (tests pin it). */
  random?: () => number;
  /** Written to `locked_by`: which instance holds a lease (shown to admins). */
  instanceId?: string;
  /** Deliveries in flight at once, across ordering keys (one key is never delivered in parallel). */
  concurrency?: number;
  /** How long a claim keeps other relays off a row; a relay that dies loses it after this long. */
  leaseMs?: number;
  /** How long the relay waits for one send; must stay under the lease. */
  sendTimeoutMs?: number;
  /** The backstop sweep: the longest the loop sleeps when no NOTIFY arrives. */
  sweepIntervalMs?: number;
  purgeIntervalMs?: number;
  /** On stop, how long in-flight deliveries may still finish; after that their leases lapse. */
  stopTimeoutMs?: number;
  log?: RelayLogger;
  metrics?: OutboxMetrics;
}

export interface RelayPassResult {
  claimed: number;
  delivered: number;
  retried: number;
  dead: number;
  /** Claimed rows whose outcome could not be kept under the lease (they are retried after it lapses). */
  lost: number;
}

const quietLog: RelayLogger = { info: () => {}, warn: () => {}, error: () => {} };
// A claim that found work but could not compute the next due time retries this soon.
const ERROR_BACKOFF_MS = 1_000;
// Never spin: even a row due "now" that another claimer holds is looked at again no sooner than this.
const MIN_SLEEP_MS = 50;

/**
 * The relay of one instance. Every instance runs one; they coordinate only through the table (claims
 * with SKIP LOCKED, leases). `runOnce` is one pass for tests and tools; `start` runs the loop: woken by
 * NOTIFY, by a finished delivery, by the next due time, and at least every `sweepIntervalMs`.
 * Hand-written rather than on a job queue: a retrying event must hold back the later events of its
 * ordering key, which a job queue does not do (decision 0015).
 */
export class OutboxRelay {
  readonly instanceId: string;
  readonly #senders = new Map<string, OutboxSender>();
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #options: Required<Omit<OutboxRelayOptions, 'metrics' | 'instanceId'>> & {
    metrics?: OutboxMetrics;
  };
  readonly #delivery: DeliveryDeps;
  #running = false;
  #pumping = false;
  #pumpAgain = false;
  /** Settles when the running claim phase is over, so stop() also waits for rows being claimed. */
  #pumpDone: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #purgeTimer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void)[] = [];

  constructor(options: OutboxRelayOptions) {
    const leaseMs = options.leaseMs ?? 60_000;
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#options = {
      random: Math.random,
      concurrency: 8,
      sendTimeoutMs: Math.max(leaseMs - 10_000, Math.floor(leaseMs / 2)),
      sweepIntervalMs: 15_000,
      purgeIntervalMs: 3_600_000,
      stopTimeoutMs: 10_000,
      log: quietLog,
      ...options,
      leaseMs,
    };
    this.#delivery = {
      db: options.db,
      secretBox: options.secretBox,
      clock: options.clock,
      random: this.#options.random,
      lockedBy: this.instanceId,
      // Waiting past the lease would let another relay send the same event while this one still is.
      sendTimeoutMs: Math.min(this.#options.sendTimeoutMs, leaseMs),
    };
  }

  /** Plugs in the sender of a topic. Events of a topic without a sender wait, spending no attempts. */
  registerSender(topic: string, sender: OutboxSender): void {
    this.#senders.set(topic, sender);
    this.wake();
  }

  get topics(): string[] {
    return [...this.#senders.keys()];
  }

  /** One pass: claims up to `concurrency` head rows, delivers them in parallel, records the outcomes. */
  async runOnce(): Promise<RelayPassResult> {
    const pass: RelayPassResult = { claimed: 0, delivered: 0, retried: 0, dead: 0, lost: 0 };
    const rows = await this.#claim(this.#options.concurrency);
    pass.claimed = rows.length;
    const results = await Promise.all(rows.map((row) => this.#track(this.#deliver(row))));
    for (const result of results) {
      if (result === 'delivered') pass.delivered += 1;
      else if (result === 'retry') pass.retried += 1;
      else if (result === 'dead') pass.dead += 1;
      else if (result === 'lost') pass.lost += 1;
    }
    return pass;
  }

  /** Deletes delivered rows past their retention; one instance at a time (advisory lock). */
  purge(): Promise<number> {
    return purgeDelivered(this.#options.db, { now: this.#options.clock.now() });
  }

  /** Starts the loop: LISTEN for new rows, re-check after a reconnect, sweep, purge. */
  async start(listenHub: ListenHub): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#unsubscribe.push(await listenHub.subscribe(OUTBOX_CHANNEL, () => this.wake()));
    // Notifications sent while the LISTEN connection was down are lost; the rows are not.
    this.#unsubscribe.push(listenHub.onReconnect(() => this.wake()));
    this.#purgeTimer = setInterval(() => void this.#purgeQuietly(), this.#options.purgeIntervalMs);
    this.#purgeTimer.unref();
    void this.#purgeQuietly();
    this.wake();
  }

  /** Stops claiming; in-flight deliveries get `stopTimeoutMs` to finish, after that their leases lapse. */
  async stop(): Promise<void> {
    this.#running = false;
    for (const off of this.#unsubscribe.splice(0)) off();
    clearTimeout(this.#timer);
    clearInterval(this.#purgeTimer);
    let timer: NodeJS.Timeout | undefined;
    const settled = this.#pumpDone.then(() => Promise.allSettled([...this.#inFlight]));
    await Promise.race([
      settled,
      new Promise((resolve) => {
        timer = setTimeout(resolve, this.#options.stopTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  /** Asks the loop for a pass soon (coalesced); a no-op when the loop is not running. */
  wake(): void {
    if (this.#running) void this.#pump();
  }

  async #pump(): Promise<void> {
    if (this.#pumping) {
      this.#pumpAgain = true;
      return;
    }
    this.#pumping = true;
    let release = () => {};
    this.#pumpDone = new Promise((resolve) => {
      release = resolve;
    });
    let failed = false;
    try {
      do {
        this.#pumpAgain = false;
        const capacity = this.#options.concurrency - this.#inFlight.size;
        if (capacity <= 0) break; // a finishing delivery wakes the loop again
        const rows = await this.#claim(capacity);
        for (const row of rows) {
          void this.#track(this.#deliver(row)).finally(() => this.wake());
        }
        if (rows.length === capacity) this.#pumpAgain = true;
      } while (this.#pumpAgain && this.#running);
    } catch (err) {
      failed = true;
      this.#options.log.error({ err }, 'outbox relay pass failed');
    } finally {
      this.#pumping = false;
      release();
    }
    if (this.#running) await this.#sleepUntilDue(failed);
  }

  async #sleepUntilDue(failed: boolean): Promise<void> {
    const { sweepIntervalMs, clock, db } = this.#options;
    let sleepMs = sweepIntervalMs;
    if (failed) sleepMs = Math.min(ERROR_BACKOFF_MS, sweepIntervalMs);
    else {
      try {
        const now = clock.now();
        const due = await nextDueAt(db, this.topics, now);
        if (due !== undefined) sleepMs = Math.min(sweepIntervalMs, due.getTime() - now.getTime());
      } catch (err) {
        this.#options.log.warn({ err }, 'outbox relay could not compute its next due time');
        sleepMs = Math.min(ERROR_BACKOFF_MS, sweepIntervalMs);
      }
    }
    if (!this.#running) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.wake(), Math.max(MIN_SLEEP_MS, sleepMs));
    this.#timer.unref();
  }

  #claim(limit: number): Promise<OutboxRow[]> {
    const { db, clock, leaseMs } = this.#options;
    return claimHeads(db, {
      topics: this.topics,
      now: clock.now(),
      limit,
      lockedBy: this.instanceId,
      leaseMs,
    });
  }

  async #deliver(row: OutboxRow): Promise<DeliveryResult> {
    const { log, metrics } = this.#options;
    const context = { id: row.id, topic: row.topic, attempt: row.attempts };
    try {
      const { result, outcome } = await deliverClaimed(this.#delivery, row, this.#senders.get(row.topic));
      if (result === 'delivered' || result === 'retry' || result === 'dead') {
        metrics?.recordOutcome(row.topic, result);
      }
      const detail = {
        ...context,
        status: outcome?.status,
        error: outcome && 'error' in outcome ? outcome.error : undefined,
      };
      if (result === 'dead') log.error(detail, 'outbox event is dead: an admin must retry or discard it');
      else if (result === 'retry') log.warn(detail, 'outbox delivery failed; will retry');
      else if (result === 'lost') log.warn(context, 'outbox lease lapsed before the outcome was recorded');
      return result;
    } catch (err) {
      // The outcome could not be written (database down): the lease lapses and another pass retries.
      log.error({ ...context, err }, 'outbox delivery outcome could not be recorded');
      return 'lost';
    }
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#inFlight.add(promise);
    void promise.finally(() => this.#inFlight.delete(promise)).catch(() => {});
    return promise;
  }

  async #purgeQuietly(): Promise<void> {
    try {
      const purged = await this.purge();
      if (purged > 0) this.#options.log.info({ purged }, 'purged delivered outbox events');
    } catch (err) {
      this.#options.log.warn({ err }, 'outbox purge failed');
    }
  }
}
