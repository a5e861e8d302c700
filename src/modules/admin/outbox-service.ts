import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type AuditActor, writeAudit } from '../../infra/audit/audit-log.js';
import type { Clock } from '../../infra/clock.js';
import type { Database } from '../../infra/db/database.js';
import { notify } from '../../infra/db/notify.js';
import { cursorUuid, decodeCursor, encodeCursor } from '../../infra/http/cursor.js';
import { conflict, notFound } from '../../infra/http/errors.js';
import { OUTBOX_CHANNEL } from '../../infra/outbox/outbox-writer.js';
import {
  discardUndelivered,
  findOutbox,
  listOutbox,
  type OutboxRecord,
  requeueDead,
} from './outbox-repository.js';
import type { OutboxEventView, OutboxListQuery } from './outbox-schemas.js';

export interface AdminOutboxDeps {
  db: Kysely<Database>;
  clock: Clock;
}

/** Who acted, for the audit log. */
export interface AdminActor extends AuditActor {
  ip: string | null;
  userAgent: string | null;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** The admin view of a row: everything but the sealed part, which is only ever shown as "***". */
export function toOutboxView(row: OutboxRecord): OutboxEventView {
  return {
    id: row.id,
    topic: row.topic,
    ordering_key: row.ordering_key,
    sequence: row.sequence,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.next_attempt_at.toISOString(),
    locked_by: row.locked_by,
    locked_until: iso(row.locked_until),
    last_status: row.last_status,
    last_error: row.last_error,
    created_at: row.created_at.toISOString(),
    delivered_at: iso(row.delivered_at),
    payload: row.payload,
    secret_payload: row.secret_payload === null ? null : '***',
  };
}

// How Postgres prints a timestamptz (`created_at::text`); anything else would fail the cast with a 500.
const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

const outboxCursor = z.tuple([z.literal('outbox'), z.string().regex(PG_TIMESTAMPTZ), cursorUuid]);

function afterCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  const after = decodeCursor(cursor, outboxCursor);
  return after && { createdAt: after[1], id: after[2] };
}

export async function listOutboxEvents(
  deps: AdminOutboxDeps,
  query: OutboxListQuery,
): Promise<{ items: OutboxEventView[]; nextCursor: string | null }> {
  const rows = await listOutbox(deps.db, {
    status: query.status,
    topic: query.topic,
    after: afterCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last !== undefined
      ? encodeCursor(['outbox', last.created_at_exact, last.id])
      : null;
  return { items: page.map(toOutboxView), nextCursor };
}

async function refuse(db: Kysely<Database>, id: string, action: string, allowed: string): Promise<never> {
  const row = await findOutbox(db, id);
  if (row === undefined) throw notFound('Outbox event');
  if (row.status === 'pending' && row.locked_until !== null && action === 'discard') {
    throw conflict(
      'delivery_in_progress',
      'This event is being delivered right now; try again once the attempt is over.',
      { current_status: row.status, locked_until: row.locked_until.toISOString() },
    );
  }
  throw conflict(
    'invalid_transition',
    `Cannot ${action} an event whose status is '${row.status}'; ${allowed}.`,
    {
      current_status: row.status,
    },
  );
}

/** Puts a dead event back in line (fresh schedule) and wakes the relays; its key moves again. */
export async function retryOutboxEvent(
  deps: AdminOutboxDeps,
  id: string,
  actor: AdminActor,
): Promise<OutboxEventView> {
  const row = await deps.db.transaction().execute(async (trx) => {
    const requeued = await requeueDead(trx, id, deps.clock.now());
    if (requeued === undefined) return undefined;
    await writeAudit(trx, {
      action: 'outbox.retried',
      ...actor,
      outcome: 'ok',
      target: id,
      details: { topic: requeued.topic, ordering_key: requeued.ordering_key },
    });
    await notify(trx, OUTBOX_CHANNEL, requeued.topic);
    return requeued;
  });
  if (row === undefined) return refuse(deps.db, id, 'retry', 'a dead event can be retried');
  return toOutboxView(row);
}

/** Gives an event up for good, which lets the later events of its key go; wakes the relays for them. */
export async function discardOutboxEvent(
  deps: AdminOutboxDeps,
  id: string,
  actor: AdminActor,
): Promise<OutboxEventView> {
  const row = await deps.db.transaction().execute(async (trx) => {
    const discarded = await discardUndelivered(trx, id, deps.clock.now());
    if (discarded === undefined) return undefined;
    await writeAudit(trx, {
      action: 'outbox.discarded',
      ...actor,
      outcome: 'ok',
      target: id,
      details: {
        topic: discarded.topic,
        ordering_key: discarded.ordering_key,
        attempts: discarded.attempts,
        last_status: discarded.last_status,
      },
    });
    await notify(trx, OUTBOX_CHANNEL, discarded.topic);
    return discarded;
  });
  if (row === undefined) return refuse(deps.db, id, 'discard', 'a dead or waiting event can be discarded');
  return toOutboxView(row);
}
