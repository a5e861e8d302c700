import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from '../../../src/integrations/user-service/circuit-breaker.js';
import { manualClock } from './harness.js';

const fail = async (): Promise<never> => {
  throw new Error('boom');
};
const succeed = async () => 'ok';

function breaker(clock = manualClock()) {
  return { clock, breaker: new CircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000, now: clock.now }) };
}

async function failTimes(b: CircuitBreaker, times: number) {
  for (let i = 0; i < times; i += 1) await expect(b.execute(fail)).rejects.toThrow('boom');
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and then fails fast without calling', async () => {
    const { breaker: b } = breaker();
    await failTimes(b, 2);
    expect(b.state).toBe('closed');
    await failTimes(b, 1);
    expect(b.state).toBe('open');

    let called = false;
    await expect(
      b.execute(async () => {
        called = true;
      }),
    ).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
  });

  it('counts only consecutive failures: a success in between resets the count', async () => {
    const { breaker: b } = breaker();
    await failTimes(b, 2);
    await b.execute(succeed);
    await failTimes(b, 2);
    expect(b.state).toBe('closed');
  });

  it('treats a result the classifier calls a failure as a failure', async () => {
    const { breaker: b } = breaker();
    for (let i = 0; i < 3; i += 1)
      await b.execute(
        async () => 503,
        (status) => status >= 500,
      );
    expect(b.state).toBe('open');
  });

  it('half-opens after the cool-down and closes when the probe succeeds', async () => {
    const { breaker: b, clock } = breaker();
    await failTimes(b, 3);
    clock.advance(9_999);
    expect(b.state).toBe('open');
    clock.advance(1);
    expect(b.state).toBe('half_open');
    await expect(b.execute(succeed)).resolves.toBe('ok');
    expect(b.state).toBe('closed');
  });

  it('re-opens for a full cool-down when the probe fails', async () => {
    const { breaker: b, clock } = breaker();
    await failTimes(b, 3);
    clock.advance(10_000);
    await failTimes(b, 1);
    expect(b.state).toBe('open');
    clock.advance(9_999);
    expect(b.state).toBe('open');
    clock.advance(1);
    expect(b.state).toBe('half_open');
  });

  it('lets a single probe through while half-open; others fail fast until it settles', async () => {
    const { breaker: b, clock } = breaker();
    await failTimes(b, 3);
    clock.advance(10_000);
    let release: () => void = () => {};
    const probe = b.execute(
      () =>
        new Promise<string>((resolve) => {
          release = () => resolve('probe');
        }),
    );
    await expect(b.execute(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    await expect(probe).resolves.toBe('probe');
    expect(b.state).toBe('closed');
    await expect(b.execute(succeed)).resolves.toBe('ok');
  });
});
