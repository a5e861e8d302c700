import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../src/infra/db/connection.js';
import { ListenHub } from '../../../src/infra/db/listen-hub.js';
import { COMMAND_CHANGED_CHANNEL, COMMAND_QUEUED_CHANNEL } from '../../../src/modules/commands/channels.js';
import type { NewCommand } from '../../../src/modules/commands/repository.js';
import { findCommand } from '../../../src/modules/commands/repository.js';
import {
  insertQueuedCommand,
  writeOutcomeIfUnchanged,
} from '../../../src/modules/commands/write-repository.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { waitUntil } from '../../helpers/wait.js';

let database: TestDatabase;
let hub: ListenHub;
const heard: { channel: string; payload: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  hub = new ListenHub({ connectionString: database.url });
  await hub.start();
  for (const channel of [COMMAND_QUEUED_CHANNEL, COMMAND_CHANGED_CHANNEL]) {
    await hub.subscribe(channel, (payload) => heard.push({ channel, payload }));
  }
});
afterAll(async () => {
  await hub.close();
  await database.drop();
});

const now = new Date('2026-01-09T00:00:00Z');
const command = (hash: string, type = 'server_resources', appCode: string | null = null): NewCommand => ({
  commandId: `cmd_${randomUUID()}`,
  deploymentHash: hash,
  type,
  appCode,
  priority: 1,
  parameters: appCode ? { app_code: appCode } : {},
  secretParameters: null,
  createdBy: '2',
  timeoutSeconds: 300,
  metadata: {},
  now,
});
const audit = { action: 'command.enqueued' as const, actorType: 'user' as const, actorId: '2', at: now };
const auditRows = (target: string) =>
  database.db.selectFrom('audit_log').selectAll().where('target', '=', target).execute();
const heardFor = (hash: string) => heard.filter((h) => h.payload === hash).map((h) => h.channel);

describe('the one-statement writes of the queue', () => {
  it('inserts a queued command with its audit row and wakes both channels at commit', async () => {
    const hash = await insertDeployment(database.db, { userId: '2' });
    const input = command(hash);
    const row = await insertQueuedCommand(database.db, input, { ...audit, ip: '10.0.0.7', userAgent: 'ua' });
    expect(row).toMatchObject({ command_id: input.commandId, status: 'queued', deployment_hash: hash });
    expect(Object.keys(row!)).not.toContain('notified_queued');
    const [entry] = await auditRows(input.commandId);
    expect(entry).toMatchObject({
      action: 'command.enqueued',
      actor_id: '2',
      deployment_hash: hash,
      ip: '10.0.0.7',
    });
    await waitUntil(() => heardFor(hash).length === 2);
    expect(heardFor(hash).sort()).toEqual([COMMAND_CHANGED_CHANNEL, COMMAND_QUEUED_CHANNEL].sort());
  });

  it('writes nothing for a second health check of an app while one is in flight', async () => {
    const hash = await insertDeployment(database.db, { userId: '2' });
    expect(await insertQueuedCommand(database.db, command(hash, 'health', 'web'), audit)).toBeDefined();
    const second = command(hash, 'health', 'web');
    expect(await insertQueuedCommand(database.db, second, audit)).toBeUndefined();
    expect(await auditRows(second.commandId)).toEqual([]);
    expect(await findCommand(database.db, hash, second.commandId)).toBeUndefined();
  });

  it('still refuses a second in-flight health check once the prepared statement runs a generic plan', async () => {
    // One connection: Postgres may switch a prepared statement to a generic plan after five runs.
    const single = createDatabase({ url: database.url, poolMax: 1, statementTimeoutMs: 10_000 });
    try {
      const hash = await insertDeployment(single.db, { userId: '2' });
      for (let i = 0; i < 8; i++) await insertQueuedCommand(single.db, command(hash), audit);
      expect(await insertQueuedCommand(single.db, command(hash, 'health', 'web'), audit)).toBeDefined();
      expect(await insertQueuedCommand(single.db, command(hash, 'health', 'web'), audit)).toBeUndefined();
    } finally {
      await single.close();
    }
  });

  it('writes an outcome only over the version it read', async () => {
    const hash = await insertDeployment(database.db, { userId: '2' });
    const input = command(hash);
    const row = (await insertQueuedCommand(database.db, input, audit))!;
    const patch = {
      status: 'completed' as const,
      result: { ok: 1 },
      error: null,
      metadataPatch: { a: 1 },
      now,
    };
    const reported = {
      action: 'command.reported' as const,
      actorType: 'agent' as const,
      deploymentHash: hash,
      target: input.commandId,
      outcome: 'completed',
    };
    // Something else (a cancel, a sweep) moved the row on after it was read: nothing is written.
    await database.db.updateTable('command').set({ status: 'sent' }).where('id', '=', row.id).execute();
    expect(await writeOutcomeIfUnchanged(database.db, row, patch, reported)).toBe(false);
    expect((await findCommand(database.db, hash, input.commandId))?.status).toBe('sent');
    expect((await auditRows(input.commandId)).map((r) => r.action)).toEqual(['command.enqueued']);

    const current = (await findCommand(database.db, hash, input.commandId))!;
    heard.length = 0;
    expect(await writeOutcomeIfUnchanged(database.db, current, patch, reported)).toBe(true);
    const done = await findCommand(database.db, hash, input.commandId);
    expect(done).toMatchObject({ status: 'completed', result: { ok: 1 }, error: null, metadata: { a: 1 } });
    expect(done?.lease_expires_at).toBeNull();
    expect((await auditRows(input.commandId)).map((r) => r.action).sort()).toEqual(
      ['command.enqueued', 'command.reported'].sort(),
    );
    await waitUntil(() => heardFor(hash).includes(COMMAND_CHANGED_CHANNEL));
  });
});
