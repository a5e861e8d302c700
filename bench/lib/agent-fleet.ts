import type http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { BenchAgent, createHttpAgent, type PolledCommand } from './agent-client.js';
import type { SeededAgent } from './seed.js';

/*
 * Many agents, each running the real agent's loop: poll, run what arrives, report, poll again at once.
 * New connections are opened a bounded number at a time (a burst of 10,000 SYNs would overflow the
 * listen backlog and turn into one-second retransmits, measuring the kernel rather than Stacker).
 */

const SOURCE_ADDRESSES = 8;

export interface FleetOptions {
  port: number;
  timeoutSecs: number;
  /** A command arrived (`receivedAt`: performance.now() once the whole reply was read). */
  onCommand?: (agent: BenchAgent, command: PolledCommand, receivedAt: number) => void;
  /** The report of a command was answered. */
  onReported?: (agent: BenchAgent, command: PolledCommand, status: number) => void;
  /** Connections being opened at once while agents start. */
  openConcurrency?: number;
}

export class AgentFleet {
  readonly agents: BenchAgent[];
  readonly httpAgent = createHttpAgent();
  /** Polls sent and not answered yet. */
  pending = 0;
  polls = 0;
  /** Answers to polls the agent had already replaced by a newer one (see `repoll`). */
  staleAnswers = 0;
  errors = 0;
  lastError: string | undefined;
  private stopped = false;
  private readonly inflight = new Set<http.ClientRequest>();
  private readonly generation = new Map<BenchAgent, number>();
  private readonly loops = new Set<Promise<void>>();

  constructor(
    seeded: SeededAgent[],
    private readonly options: FleetOptions,
  ) {
    this.agents = seeded.map((s, i) => new BenchAgent(s, `127.0.0.${1 + (i % SOURCE_ADDRESSES)}`));
  }

  /** Starts the loops of `agents` (default: all); resolves once each has its connection open. */
  async start(agents: BenchAgent[] = this.agents): Promise<void> {
    const limit = this.options.openConcurrency ?? 200;
    let opening = 0;
    const waiters: (() => void)[] = [];
    const release = () => {
      opening -= 1;
      waiters.shift()?.();
    };
    for (const agent of agents) {
      if (this.stopped) return;
      while (opening >= limit) await new Promise<void>((r) => waiters.push(r));
      opening += 1;
      this.launch(agent, (req) => {
        let released = false;
        const once = () => {
          if (!released) {
            released = true;
            release();
          }
        };
        req.once('socket', (socket) => {
          if (socket.connecting) socket.once('connect', once);
          else once();
        });
        req.once('close', once);
      });
    }
    while (opening > 0) await new Promise<void>((r) => waiters.push(r));
  }

  /**
   * A new poll from agents that are already waiting (the server ends their previous poll with no
   * command; those answers are ignored here, as the agent would have abandoned that request).
   */
  repoll(agents: BenchAgent[]): void {
    for (const agent of agents) this.launch(agent);
  }

  private launch(agent: BenchAgent, firstRequest?: (req: http.ClientRequest) => void): void {
    const generation = (this.generation.get(agent) ?? 0) + 1;
    this.generation.set(agent, generation);
    const loop = this.loop(agent, generation, firstRequest);
    this.loops.add(loop);
    void loop.finally(() => this.loops.delete(loop));
  }

  private async loop(
    agent: BenchAgent,
    generation: number,
    firstRequest?: (req: http.ClientRequest) => void,
  ): Promise<void> {
    const { port, timeoutSecs } = this.options;
    let observe = firstRequest;
    while (!this.stopped && this.generation.get(agent) === generation) {
      let answer: { status: number; body: string };
      this.pending += 1;
      this.polls += 1;
      try {
        answer = await agent.poll(this.httpAgent, port, timeoutSecs, (req) => {
          observe?.(req);
          observe = undefined;
          this.inflight.add(req);
          req.once('close', () => this.inflight.delete(req));
        });
      } catch (error) {
        if (!this.stopped) this.fail(String(error));
        await sleep(200);
        continue;
      } finally {
        this.pending -= 1;
      }
      const receivedAt = performance.now();
      if (this.stopped) return;
      if (this.generation.get(agent) !== generation) {
        this.staleAnswers += 1;
        return;
      }
      if (answer.status !== 200) {
        this.fail(`poll answered ${answer.status}: ${answer.body.slice(0, 200)}`);
        await sleep(200);
        continue;
      }
      const command = (JSON.parse(answer.body) as { item: PolledCommand | null }).item;
      if (command === null) continue;
      this.options.onCommand?.(agent, command, receivedAt);
      try {
        const reported = await agent.report(this.httpAgent, port, command);
        if (reported.status !== 200) this.fail(`report answered ${reported.status}: ${reported.body}`);
        this.options.onReported?.(agent, command, reported.status);
      } catch (error) {
        if (!this.stopped) this.fail(String(error));
      }
    }
  }

  private fail(message: string): void {
    this.errors += 1;
    this.lastError = message;
  }

  /** Ends every loop and closes every socket. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const req of this.inflight) req.destroy();
    this.httpAgent.destroy();
    await Promise.allSettled([...this.loops]);
  }
}
