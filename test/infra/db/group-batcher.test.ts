import { describe, expect, it } from 'vitest';
import { GroupBatcher } from '../../../src/infra/db/group-batcher.js';
import { sleep } from '../../helpers/wait.js';

function controlled() {
  const batches: number[][] = [];
  const singles: number[] = [];
  let release: () => void = () => {};
  let gate = Promise.resolve();
  const hold = () => {
    gate = new Promise<void>((r) => {
      release = r;
    });
  };
  const batcher = new GroupBatcher<number, number>({
    async runMany(items) {
      batches.push(items);
      await gate;
      if (items.includes(-1)) throw new Error('one bad item');
      return items.map((i) => i * 10);
    },
    async runOne(item) {
      singles.push(item);
      await gate;
      if (item === -1) throw new Error('bad');
      return item * 10;
    },
    maxInFlight: 1,
  });
  return { batcher, batches, singles, hold, release: () => release() };
}

describe('GroupBatcher', () => {
  it('sends a call alone when nothing is in flight, and what gathers meanwhile as one batch', async () => {
    const t = controlled();
    t.hold();
    const first = t.batcher.add(1);
    await new Promise((r) => setImmediate(r));
    expect(t.singles).toEqual([1]);
    const rest = [2, 3, 4].map((i) => t.batcher.add(i));
    await sleep(10, 'longer than the 2 ms bound: the batch would have left were a slot free');
    // Still in flight: the others wait for it (maxInFlight 1), then leave together.
    expect(t.batches).toEqual([]);
    t.release();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    expect(t.batches).toEqual([[2, 3, 4]]);
  });

  it('batches the calls of one event-loop turn', async () => {
    const t = controlled();
    const results = await Promise.all([5, 6, 7].map((i) => t.batcher.add(i)));
    expect(results).toEqual([50, 60, 70]);
    expect(t.batches).toEqual([[5, 6, 7]]);
    expect(t.singles).toEqual([]);
  });

  it('runs each item alone when its batch fails, so only the bad one fails', async () => {
    const t = controlled();
    const settled = await Promise.allSettled([1, -1, 3].map((i) => t.batcher.add(i)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(settled[0]).toMatchObject({ value: 10 });
    expect(t.singles.sort()).toEqual([-1, 1, 3]);
  });
});
