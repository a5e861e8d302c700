import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.js';
import {
  type CounterStore,
  type Hit,
  MemoryCounterStore,
} from '../../../src/infra/rate-limit/counter-store.js';
import { FailoverCounterStore } from '../../../src/infra/rate-limit/failover-store.js';

describe('MemoryCounterStore', () => {
  it('counts a fixed window on the app clock', async () => {
    const clock = new ManualClock(new Date('2030-01-01T00:00:00Z'));
    const store = new MemoryCounterStore(clock);
    expect(await store.incr('k', 60_000)).toEqual({ current: 1, ttlMs: 60_000 });
    clock.advance(20_000);
    expect(await store.incr('k', 60_000)).toEqual({ current: 2, ttlMs: 40_000 });
    expect(await store.incr('other', 60_000)).toEqual({ current: 1, ttlMs: 60_000 });
    clock.advance(40_000);
    expect(await store.incr('k', 60_000)).toEqual({ current: 1, ttlMs: 60_000 });
  });

  it('starts again when the clock goes backwards instead of holding a window open', async () => {
    const clock = new ManualClock(new Date('2030-01-01T00:00:00Z'));
    const store = new MemoryCounterStore(clock);
    await store.incr('k', 60_000);
    clock.advance(-5_000);
    expect((await store.incr('k', 60_000)).current).toBe(1);
  });

  it('is bounded: the least recently used key is forgotten', async () => {
    const store = new MemoryCounterStore(new ManualClock(), 2);
    await store.incr('a', 60_000);
    await store.incr('b', 60_000);
    await store.incr('c', 60_000);
    expect((await store.incr('a', 60_000)).current).toBe(1);
    expect((await store.incr('c', 60_000)).current).toBe(2);
  });
});

/** A primary that fails while `down` is true (stands in for Redis; the Redis path has its own tests). */
class SwitchableStore implements CounterStore {
  down = false;
  readonly inner = new MemoryCounterStore(new ManualClock());
  async incr(key: string, windowMs: number): Promise<Hit> {
    if (this.down) throw new Error('connection refused');
    return this.inner.incr(key, windowMs);
  }
}

describe('FailoverCounterStore', () => {
  it('counts in the fallback while the primary fails, reporting each transition once', async () => {
    const primary = new SwitchableStore();
    const events: string[] = [];
    const store = new FailoverCounterStore(primary, new MemoryCounterStore(new ManualClock()), {
      onFailure: (_error, first) => events.push(first ? 'first-failure' : 'failure'),
      onRecovery: () => events.push('recovery'),
    });
    expect((await store.incr('k', 60_000)).current).toBe(1);
    primary.down = true;
    expect((await store.incr('k', 60_000)).current).toBe(1);
    expect((await store.incr('k', 60_000)).current).toBe(2);
    expect(store.failing).toBe(true);
    primary.down = false;
    expect((await store.incr('k', 60_000)).current).toBe(2);
    expect(store.failing).toBe(false);
    expect(events).toEqual(['first-failure', 'failure', 'recovery']);
  });
});
