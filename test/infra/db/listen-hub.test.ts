import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListenHub } from '../../../src/infra/db/listen-hub.js';
import { notify } from '../../../src/infra/db/notify.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { sleep, waitUntil } from '../../helpers/wait.js';

let database: TestDatabase;
let hub: ListenHub;

beforeAll(async () => {
  database = await createTestDatabase();
  hub = new ListenHub({ connectionString: database.url, minBackoffMs: 20, maxBackoffMs: 200 });
  await hub.start();
});
afterAll(async () => {
  await hub.close();
  await database.drop();
});

function next(channel: string): Promise<string> {
  return new Promise((resolve) => {
    let off: (() => void) | undefined;
    hub
      .subscribe(channel, (payload) => {
        off?.();
        resolve(payload);
      })
      .then((unsubscribe) => {
        off = unsubscribe;
      });
  });
}

describe('LISTEN hub', () => {
  it('fans a notification out to every subscriber of the channel, and only at commit', async () => {
    const a: string[] = [];
    const b: string[] = [];
    await hub.subscribe('fanout', (p) => a.push(p));
    await hub.subscribe('fanout', (p) => b.push(p));
    await database.db.transaction().execute(async (trx) => {
      await notify(trx, 'fanout', 'one');
      await sleep(100, 'a quiet period: nothing may arrive before the commit');
      expect(a).toEqual([]);
    });
    await waitUntil(() => a.length === 1 && b.length === 1);
    await database.db
      .transaction()
      .execute(async (trx) => {
        await notify(trx, 'fanout', 'rolled-back');
        throw new Error('rollback');
      })
      .catch(() => {});
    await notify(database.db, 'fanout', 'two');
    await waitUntil(() => a.length === 2);
    expect(a).toEqual(['one', 'two']);
    expect(b).toEqual(['one', 'two']);
  });

  it('reconnects and re-LISTENs after its backend is killed, and tells subscribers', async () => {
    const received = next('survivor');
    let reconnected = 0;
    hub.onReconnect(() => reconnected++);
    const killed = await database.pool.query(
      `select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = 'stacker-listen-hub' and datname = current_database()`,
    );
    expect(killed.rowCount).toBeGreaterThanOrEqual(1);
    await waitUntil(() => reconnected > 0 && hub.connected);
    await notify(database.db, 'survivor', 'after-kill');
    expect(await received).toBe('after-kill');
  });
});
