import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startUserServiceEmulator, type UserServiceEmulator } from '../../../dev/user-service/index.js';
import { periodicJob } from '../../../src/modules/categories/sync-job.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp | undefined;
let emulator: UserServiceEmulator | undefined;
afterEach(async () => {
  await t?.close();
  await emulator?.close();
  t = undefined;
  emulator = undefined;
  vi.useRealTimers();
});

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const count = async (a: TestApp) =>
  Number(
    (
      await a.app.db
        .selectFrom('stack_category')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the background sync', () => {
  it('syncs when the server starts', async () => {
    t = await buildTestApp({ backgroundJobs: true });
    await vi.waitFor(async () => expect(await count(t!)).toBe(4), { timeout: 10_000, interval: 50 });
  });

  it('survives a User Service outage at start (logged, never fatal) and syncs on the next interval', async () => {
    emulator = await startUserServiceEmulator();
    emulator.state.failNext(1000, 503, { path: '/api/1.0/category' });
    const { logger, lines } = capturingLogger();
    t = await buildTestApp({
      backgroundJobs: true,
      userService: emulator,
      userServiceClient: { retryDelaysMs: [], breaker: { failureThreshold: 1000 } },
      env: { CATEGORY_SYNC_INTERVAL_SECS: '1' },
      deps: { logger },
    });
    await vi.waitFor(
      () =>
        expect(lines.some((l) => l.msg.includes('category sync: the User Service is unavailable'))).toBe(
          true,
        ),
      { timeout: 10_000, interval: 50 },
    );
    expect(lines.find((l) => l.msg.includes('category sync'))?.level).toBe(40);
    expect(await count(t)).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/health_check' })).statusCode).toBe(200);

    emulator.state.reset();
    await vi.waitFor(async () => expect(await count(t!)).toBe(4), { timeout: 10_000, interval: 50 });
  });
});

describe('periodicJob', () => {
  it('runs at once, then an interval after each run ends, and stop() waits for the run in progress', async () => {
    vi.useFakeTimers();
    let runs = 0;
    let finish: (() => void) | undefined;
    const job = periodicJob(5, async () => {
      runs += 1;
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    job.start();
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(runs).toBe(1); // still running: no second run stacks on the first
    finish!();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    let stopped = false;
    const stopping = job.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish!();
    await stopping;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(2);
  });

  it('with interval 0 runs only once', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const job = periodicJob(0, async () => {
      runs += 1;
    });
    job.start();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(runs).toBe(1);
    await job.stop();
  });
});
