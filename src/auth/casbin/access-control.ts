import { type Enforcer, newEnforcer, newModelFromString } from 'casbin';
import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import type { ListenHub } from '../../infra/db/listen-hub.js';
import { readModelText } from './policy-file.js';
import { loadPolicyRows, POLICY_CHANNEL, policyFingerprint } from './policy-repository.js';

export interface AccessControlOptions {
  db: Kysely<Database>;
  listenHub: ListenHub;
  /** How often the fingerprint backstop runs (a NOTIFY can be lost while the LISTEN hub reconnects). */
  checkIntervalMs?: number;
  log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

/**
 * The Casbin enforcer of this instance, loaded from `casbin_rule`. It reloads when the policy changes
 * (NOTIFY on write, a periodic fingerprint check as backstop, a re-check after the LISTEN hub reconnects),
 * never per request. Decisions are memoised per (subject, route, method) until the next reload: the
 * space is small (routes × roles) and enforce() is the hot path of every request.
 */
export class AccessControl {
  private enforcer: Enforcer | undefined;
  private fingerprint = '';
  private decisions = new Map<string, boolean>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private offReconnect: (() => void) | undefined;
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;

  constructor(private readonly options: AccessControlOptions) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.options.listenHub.subscribe(POLICY_CHANNEL, () => void this.reload());
    this.offReconnect = this.options.listenHub.onReconnect(() => void this.reloadIfChanged());
    await this.reload();
    this.timer = setInterval(() => void this.reloadIfChanged(), this.options.checkIntervalMs ?? 30_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.offReconnect?.();
  }

  allowed(subject: string, route: string, method: string): boolean {
    const key = `${subject} ${method} ${route}`;
    let decision = this.decisions.get(key);
    if (decision === undefined) {
      decision = this.enforcer?.enforceSync(subject, route, method) ?? false;
      this.decisions.set(key, decision);
    }
    return decision;
  }

  /** The fingerprint of the policy in force. */
  get policyVersion(): string {
    return this.fingerprint;
  }

  async reloadIfChanged(): Promise<void> {
    try {
      if ((await policyFingerprint(this.options.db)) !== this.fingerprint) await this.reload();
    } catch (error) {
      this.options.log?.warn({ err: error }, 'policy fingerprint check failed');
    }
  }

  async reload(): Promise<void> {
    // A change that lands while a reload reads the table must cause one more reload, not be absorbed.
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      const [modelText, rows, fingerprint] = await Promise.all([
        readModelText(),
        loadPolicyRows(this.options.db),
        policyFingerprint(this.options.db),
      ]);
      const model = newModelFromString(modelText);
      for (const rule of rows)
        model.addPolicy(rule.ptype.startsWith('g') ? 'g' : 'p', rule.ptype, rule.values);
      const enforcer = await newEnforcer(model);
      enforcer.enableLog(false);
      await enforcer.buildRoleLinks();
      this.enforcer = enforcer;
      this.decisions = new Map();
      this.fingerprint = fingerprint;
    })().finally(() => {
      this.reloading = undefined;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        this.reload().catch((error) => this.options.log?.warn({ err: error }, 'policy reload failed'));
      }
    });
    return this.reloading;
  }
}
