import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRequestsSeen } from '../../../src/modules/agents/request-seen-batch.js';
import { testSecretBox } from '../../helpers/app.js';
import { userId } from '../../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { insertDeployment } from '../../helpers/deployment-rows.js';
import { insertAgent } from '../../helpers/fake-agent.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('the replay store for many requests in one statement', () => {
  it('says which ids are new, replays inside the batch included, and beats only for new ids', async () => {
    const box = testSecretBox();
    const agents = await Promise.all(
      [0, 1].map(async () =>
        insertAgent(database.db, box, await insertDeployment(database.db, { userId: userId('vendor') })),
      ),
    );
    const [a, b] = [agents[0]!.id, agents[1]!.id];
    const now = new Date('2026-01-09T00:00:00Z');
    const expiresAt = new Date(now.getTime() + 300_000);
    expect(
      await insertRequestsSeen(
        database.db,
        [{ agentId: a, requestId: 'old', expiresAt, heartbeatAt: undefined }],
        10,
      ),
    ).toEqual([true]);
    const result = await insertRequestsSeen(
      database.db,
      [
        { agentId: a, requestId: 'r1', expiresAt, heartbeatAt: now },
        { agentId: a, requestId: 'old', expiresAt, heartbeatAt: undefined },
        { agentId: b, requestId: 'r1', expiresAt, heartbeatAt: undefined },
        { agentId: a, requestId: 'r1', expiresAt, heartbeatAt: now },
      ],
      10,
    );
    expect(result).toEqual([true, false, true, false]);
    const beats = await database.db.selectFrom('agent').select(['id', 'last_heartbeat']).execute();
    expect(beats.find((r) => r.id === a)?.last_heartbeat?.toISOString()).toBe(now.toISOString());
    expect(beats.find((r) => r.id === b)?.last_heartbeat).toBeNull();
  });
});
