import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuthAgent } from '../../../auth/principal.js';
import type { Clock } from '../../../infra/clock.js';
import type { SecretBox } from '../../../infra/crypto/secret-box.js';
import type { Database } from '../../../infra/db/database.js';
import type { ListenHub } from '../../../infra/db/listen-hub.js';
import { COMMAND_QUEUED_CHANNEL } from '../channels.js';
import type { ClaimRequest } from '../claim-batch-repository.js';
import { deploymentsWithQueued, type LeaseSettings, putBackCommand } from '../claim-repository.js';
import { toCommandJson } from '../command-json.js';
import type { CommandRow } from '../command-row.js';
import { createClaimer } from './claimer.js';
import { LoadMonitor } from './load-monitor.js';
import { commandAvailable, jitterSecs, noCommand } from './wait-replies.js';

/*
 * The long-poll waiters of this process (agent-protocol.md, "Long-poll"). Memory per waiting agent is
 * one small object in a Map keyed by deployment hash plus one 'close' listener: no timer, no LISTEN
 * and no promise chain per waiter. One interval serves everyone: it answers waiters whose deadline
 * passed and, every 2 s, runs ONE query for all waiting deployments (the safety net for a lost NOTIFY).
 */

const WAITING = 0;
const LOOKING = 1;
const DONE = 2;

interface Waiter {
  readonly hash: string;
  readonly agentId: string;
  readonly ip: string;
  /** Epoch ms on the app clock. */
  readonly deadline: number;
  readonly reply: FastifyReply;
  readonly resolve: () => void;
  state: number;
  /** A wake-up arrived while the claim was running: look once more before waiting. */
  again: boolean;
  /** A newer poll of the same agent arrived: answer with no command instead of waiting. */
  superseded: boolean;
  /** The client's socket closed. */
  gone: boolean;
}

export interface WaiterRegistryDeps {
  db: Kysely<Database>;
  clock: Clock;
  secretBox: SecretBox;
  log: FastifyBaseLogger;
  lease: LeaseSettings;
  /** Claims of polls looking at the same moment share a statement (DATABASE_GROUP_COMMIT). */
  groupCommit?: boolean;
  tickMs?: number;
  recheckEveryTicks?: number;
  load?: LoadMonitor;
}

export class WaiterRegistry {
  private readonly waiters = new Map<string, Waiter>();
  private readonly load: LoadMonitor;
  private readonly tickMs: number;
  private readonly recheckEveryTicks: number;
  private timer: NodeJS.Timeout | undefined;
  private ticks = 0;
  private rechecking = false;
  private closing = false;
  private unsubscribe: (() => void) | undefined;
  private offReconnect: (() => void) | undefined;
  private readonly claim: (request: ClaimRequest) => Promise<CommandRow | undefined>;

  constructor(private readonly deps: WaiterRegistryDeps) {
    this.claim = createClaimer(deps);
    this.load = deps.load ?? new LoadMonitor();
    this.tickMs = deps.tickMs ?? 500;
    this.recheckEveryTicks = deps.recheckEveryTicks ?? 4;
  }

  async start(hub: ListenHub): Promise<void> {
    this.unsubscribe = await hub.subscribe(COMMAND_QUEUED_CHANNEL, (hash) => this.wake(hash));
    // Notifications sent while the hub was disconnected are gone: look again for everyone.
    this.offReconnect = hub.onReconnect(() => void this.recheck());
    this.load.start();
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
  }

  get size(): number {
    return this.waiters.size;
  }

  /**
   * Holds the poll until a command is claimed for the agent's deployment or the timeout ends. Resolves
   * once a reply was sent (or the client went away). The waiter is registered before the first look,
   * so an enqueue committed between the look and the wait still wakes it.
   */
  wait(reply: FastifyReply, agent: AuthAgent, ip: string, timeoutSecs: number): Promise<void> {
    // The client left while the request was being authenticated: nothing to hold.
    if (reply.raw.destroyed) return Promise.resolve();
    if (this.closing) {
      reply.send(noCommand(jitterSecs(1, 5)));
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const waiter: Waiter = {
        hash: agent.deploymentHash,
        agentId: agent.id,
        ip,
        deadline: this.deps.clock.now().getTime() + timeoutSecs * 1000,
        reply,
        resolve,
        state: LOOKING,
        again: false,
        superseded: false,
        gone: false,
      };
      const previous = this.waiters.get(waiter.hash);
      if (previous) {
        previous.superseded = true;
        if (previous.state === WAITING) this.finish(previous, 0);
      }
      this.waiters.set(waiter.hash, waiter);
      reply.raw.once('close', () => this.onSocketClose(waiter));
      void this.look(waiter);
    });
  }

  /** A NOTIFY for this deployment: claim now, or once more after the claim in flight. */
  wake(hash: string): void {
    const waiter = this.waiters.get(hash);
    if (!waiter) return;
    if (waiter.state === WAITING) void this.look(waiter);
    else if (waiter.state === LOOKING) waiter.again = true;
  }

  /** The batched safety re-check: one query for every waiting deployment of this process. */
  async recheck(): Promise<void> {
    if (this.rechecking || this.closing) return;
    this.rechecking = true;
    try {
      const hashes: string[] = [];
      for (const waiter of this.waiters.values()) if (waiter.state === WAITING) hashes.push(waiter.hash);
      if (hashes.length === 0) return;
      for (const hash of await deploymentsWithQueued(this.deps.db, hashes)) this.wake(hash);
    } catch (error) {
      this.deps.log.warn({ err: error }, 'long-poll safety re-check failed');
    } finally {
      this.rechecking = false;
    }
  }

  /** Shutdown: every waiting poll is answered at once, told to come back in a random 1–5 s. */
  shutdown(): void {
    this.closing = true;
    for (const waiter of this.waiters.values()) {
      if (waiter.state === WAITING) this.finish(waiter, jitterSecs(1, 5));
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.load.stop();
    this.unsubscribe?.();
    this.offReconnect?.();
  }

  private tick(): void {
    const now = this.deps.clock.now().getTime();
    for (const waiter of this.waiters.values()) {
      if (waiter.state === WAITING && now >= waiter.deadline)
        this.finish(waiter, this.load.timeoutNextPollSecs());
    }
    this.ticks += 1;
    if (this.ticks % this.recheckEveryTicks === 0) {
      this.load.sample();
      void this.recheck();
    }
  }

  private async look(waiter: Waiter): Promise<void> {
    waiter.state = LOOKING;
    waiter.again = false;
    let row: CommandRow | undefined;
    try {
      row = await this.claim({ deploymentHash: waiter.hash, agentId: waiter.agentId, ip: waiter.ip });
    } catch (error) {
      // The database is unreachable: keep waiting; the re-check or the deadline answers later.
      this.deps.log.warn({ err: error }, 'long-poll claim failed');
    }
    if (row) return this.deliver(waiter, row);
    if (waiter.gone) return this.drop(waiter);
    if (waiter.superseded) return this.finish(waiter, 0);
    if (this.closing) return this.finish(waiter, jitterSecs(1, 5));
    if (this.deps.clock.now().getTime() >= waiter.deadline) {
      return this.finish(waiter, this.load.timeoutNextPollSecs());
    }
    if (waiter.again) return this.look(waiter);
    waiter.state = WAITING;
  }

  private async deliver(waiter: Waiter, row: CommandRow): Promise<void> {
    this.settle(waiter);
    const response = waiter.reply.raw;
    if (waiter.gone || response.destroyed) {
      await this.putBack(row);
      waiter.resolve();
      return;
    }
    // 'close' before 'finish' means the reply never left: the command goes back. (writableFinished is
    // not reliable here: some response implementations clear it on close.)
    let finished = false;
    response.once('finish', () => {
      finished = true;
    });
    response.once('close', () => {
      if (!finished) void this.putBack(row);
    });
    try {
      waiter.reply.send(commandAvailable(toCommandJson(row, { secretBox: this.deps.secretBox })));
    } catch (error) {
      this.deps.log.error({ err: error, commandId: row.command_id }, 'could not send a claimed command');
      await this.putBack(row);
    }
    waiter.resolve();
  }

  private async putBack(row: CommandRow): Promise<void> {
    try {
      await putBackCommand(this.deps.db, row);
    } catch (error) {
      // The lease expiry will deal with it.
      this.deps.log.warn(
        { err: error, commandId: row.command_id },
        'could not put back an undelivered command',
      );
    }
  }

  private finish(waiter: Waiter, nextPollSecs: number): void {
    if (waiter.state === DONE) return;
    this.settle(waiter);
    if (!waiter.gone && !waiter.reply.raw.destroyed) waiter.reply.send(noCommand(nextPollSecs));
    waiter.resolve();
  }

  private drop(waiter: Waiter): void {
    if (waiter.state === DONE) return;
    this.settle(waiter);
    waiter.resolve();
  }

  private settle(waiter: Waiter): void {
    waiter.state = DONE;
    if (this.waiters.get(waiter.hash) === waiter) this.waiters.delete(waiter.hash);
  }

  private onSocketClose(waiter: Waiter): void {
    waiter.gone = true;
    if (waiter.state === WAITING) this.drop(waiter);
  }
}
