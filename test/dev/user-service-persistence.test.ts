import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEV_SERVICE_TOKEN, DEV_USER_IDS } from '../../dev/user-service/seed.js';
import { startUserServiceEmulator } from '../../dev/user-service/server.js';
import { parseConfig } from '../../src/config.js';
import { approvedEvent } from '../integrations/user-service/harness.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'stacker-emulator-data-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

it('keeps synced products and purchases across a restart when given a data file', async () => {
  const file = path.join(dir, 'user-service.json');
  const first = await startUserServiceEmulator({ persistPath: file });
  const event = approvedEvent('tpl-persisted');
  const synced = await fetch(
    `${first.url}/marketplace/sync`,
    json(event, { authorization: `Bearer ${DEV_SERVICE_TOKEN}`, 'idempotency-key': event.event_id }),
  );
  expect(synced.status).toBe(200);
  const bought = await fetch(
    `${first.url}/dev/purchases`,
    json({ user_id: DEV_USER_IDS.customerFree, external_id: event.external_id }),
  );
  expect(bought.status).toBe(201);
  await first.close();

  const second = await startUserServiceEmulator({ persistPath: file });
  try {
    expect(second.state.store.productByExternalId(event.external_id)).toMatchObject({ is_active: true });
    const owner = second.state.store.userById(DEV_USER_IDS.customerFree);
    expect(owner?.products.map((p) => p.external_id)).toContain(event.external_id);
    // The webhook bookkeeping came back too: a replay gets the same answer, not a second product.
    const replay = await fetch(
      `${second.url}/marketplace/sync`,
      json(event, { authorization: `Bearer ${DEV_SERVICE_TOKEN}`, 'idempotency-key': event.event_id }),
    );
    expect(replay.status).toBe(200);
    expect(second.state.store.findProducts({ external_id: event.external_id })).toHaveLength(1);
  } finally {
    await second.close();
  }
});

it('starts from the seed without a data file', async () => {
  const emulator = await startUserServiceEmulator();
  try {
    expect(emulator.state.store.productByExternalId('tpl-persisted')).toBeUndefined();
  } finally {
    await emulator.close();
  }
});

it('runs the in-process emulator on a fixed, configurable port', () => {
  expect(parseConfig({}).userService.devEmulatorPort).toBe(4100);
  expect(parseConfig({ DEV_USER_SERVICE_PORT: '4200' }).userService.devEmulatorPort).toBe(4200);
  expect(() => parseConfig({ DEV_USER_SERVICE_PORT: 'x' })).toThrow(/DEV_USER_SERVICE_PORT/);
});
