import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentWithAgent, type Fixture } from '../../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

// A cursor comes back from the client, so it is input: a forged one is 400 `invalid_cursor` before it
// reaches SQL, never a 500, a 400 from Postgres, or a stream that opens and stays silent.

let t: TestApp;
let f: Fixture;
beforeAll(async () => {
  t = await buildTestApp();
  f = await deploymentWithAgent(t);
});
afterAll(() => t.close());

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const FORGED_SINCE = [
  ['a read time past any date', 'c1.9999999999999999.'],
  ['a seq past a safe integer', 'c9999999999999999.1733300000000.'],
  ['a seen seq past a safe integer', 'c5.1733300000000.4_9999999999999999'],
];

describe('forged cursors', () => {
  it.each(FORGED_SINCE)('since with %s is 400 invalid_cursor', async (_name, since) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/commands/${f.hash}?since=${encodeURIComponent(since)}`,
      headers: f.owner,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('invalid_cursor');
  });

  it.each(FORGED_SINCE)('Last-Event-ID with %s is 400 before the stream opens', async (_name, id) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/commands/${f.hash}/stream`,
      headers: { ...f.owner, 'last-event-id': id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_cursor');
  });

  it.each([
    ['month 13', ['recent', '2026-13-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000']],
    ['hour 99', ['recent', '2026-01-01T99:00:00.000000Z', '00000000-0000-4000-8000-000000000000']],
  ])('a catalog cursor with a %s timestamp is 400 invalid_cursor', async (_name, cursor) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/templates?cursor=${b64(cursor)}` });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('invalid_cursor');
  });
});
