import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import { type AuditEntry, writeAudit } from '../../infra/audit/audit-log.js';
import type { Database } from '../../infra/db/database.js';
import { notify } from '../../infra/db/notify.js';
import { purgeExpiredRequestIds } from '../agents/index.js';
import { COMMAND_TYPES, getCommandSpec } from './catalog.js';
import { COMMAND_CHANGED_CHANNEL, COMMAND_QUEUED_CHANNEL } from './channels.js';
import {
  deleteFinished,
  expireLeases,
  expireQueued,
  type SweptCommand,
  tryAdvisoryXactLock,
} from './sweep-repository.js';

/*
 * The queue's housekeeping (agent-protocol.md, "Command lifecycle"). Each sweep runs on one instance
 * at a time (a transaction-scoped advisory lock; others skip that round) and works in batches, so a
 * backlog never becomes one long transaction. Exported so tests drive them with their own "now".
 */

export interface SweepDeps {
  db: Kysely<Database>;
  config: Pick<Config, 'commands'>;
}

/** Read-only commands are re-queued after a lost lease until they have been sent this many times. */
export const MAX_READ_ONLY_ATTEMPTS = 3;
const BATCH = 500;
const MAX_BATCHES = 20;

export const READ_ONLY_TYPES: readonly string[] = COMMAND_TYPES.filter((t) => getCommandSpec(t)?.readOnly);

async function announce(trx: Kysely<Database>, swept: SweptCommand[], now: Date): Promise<void> {
  const changed = new Set(swept.map((s) => s.deployment_hash));
  const queued = new Set(swept.filter((s) => s.action === 'requeued').map((s) => s.deployment_hash));
  for (const hash of changed) await notify(trx, COMMAND_CHANGED_CHANNEL, hash);
  for (const hash of queued) await notify(trx, COMMAND_QUEUED_CHANNEL, hash);
  const entries: AuditEntry[] = swept.map((s) => ({
    action: s.action === 'expired' ? 'command.expired' : 'command.lease_expired',
    actorType: 'system',
    deploymentHash: s.deployment_hash,
    target: s.command_id,
    outcome: s.action,
    details: { type: s.type, attempts: s.attempts },
    at: now,
  }));
  await writeAudit(trx, entries);
}

/** One locked, batched pass; returns what it changed (empty when another instance holds the lock). */
async function sweepInBatches(
  deps: SweepDeps,
  lockName: string,
  step: (trx: Kysely<Database>) => Promise<SweptCommand[]>,
  now: Date,
): Promise<SweptCommand[]> {
  const all: SweptCommand[] = [];
  for (let i = 0; i < MAX_BATCHES; i++) {
    const swept = await deps.db.transaction().execute(async (trx) => {
      if (!(await tryAdvisoryXactLock(trx, lockName))) return undefined;
      const rows = await step(trx);
      if (rows.length > 0) await announce(trx, rows, now);
      return rows;
    });
    if (swept === undefined) break;
    all.push(...swept);
    if (swept.length < BATCH) break;
  }
  return all;
}

/** Leases that ran out: read-only commands re-queued (up to 3 attempts), the rest `agent_timeout`. */
export function sweepExpiredLeases(deps: SweepDeps, now: Date): Promise<SweptCommand[]> {
  return sweepInBatches(
    deps,
    'stacker:commands:leases',
    (trx) => expireLeases(trx, now, READ_ONLY_TYPES, MAX_READ_ONLY_ATTEMPTS, BATCH),
    now,
  );
}

/** Queued commands past their TTL become `cancelled` with code `expired`. */
export function sweepExpiredQueued(deps: SweepDeps, now: Date): Promise<SweptCommand[]> {
  const ttl = {
    readOnlySecs: deps.config.commands.queuedTtlReadonlySecs,
    mutatingSecs: deps.config.commands.queuedTtlMutatingSecs,
  };
  return sweepInBatches(
    deps,
    'stacker:commands:queued-ttl',
    (trx) => expireQueued(trx, now, READ_ONLY_TYPES, ttl, BATCH),
    now,
  );
}

async function purgeInBatches(
  deps: SweepDeps,
  lockName: string,
  step: (trx: Kysely<Database>) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const n = await deps.db
      .transaction()
      .execute(async (trx) => ((await tryAdvisoryXactLock(trx, lockName)) ? step(trx) : undefined));
    if (n === undefined) break;
    total += n;
    if (n < BATCH) break;
  }
  return total;
}

/** Finished commands older than COMMAND_RETENTION_DAYS are deleted. */
export function purgeFinishedCommands(deps: SweepDeps, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - deps.config.commands.retentionDays * 86_400_000);
  return purgeInBatches(deps, 'stacker:commands:retention', (trx) => deleteFinished(trx, cutoff, BATCH));
}

/** Replay-store rows past their expiry are deleted. */
export function purgeReplayStore(deps: SweepDeps, now: Date): Promise<number> {
  return purgeInBatches(deps, 'stacker:agents:replay-purge', (trx) =>
    purgeExpiredRequestIds(trx, now, BATCH),
  );
}
