/*
 * Group commit for one kind of statement: calls that arrive while a statement of the same kind is in
 * flight wait for it (or at most `maxDelayMs`) and then go together as ONE statement. A call that
 * finds nothing in flight waits only for the end of the current event-loop turn, so at low load a
 * call costs what it did alone and at high load many calls share a round trip and a commit. Written
 * here because the queueing libraries batch by size or time, not by "while the previous batch runs",
 * which is what keeps the added delay near zero.
 */

export interface GroupBatcherOptions<I, O> {
  /** One statement for many items; the results in the items' order. */
  runMany(items: I[]): Promise<O[]>;
  /** The single-item statement: a batch of one, and each item again when its batch failed. */
  runOne(item: I): Promise<O>;
  /** The longest a call waits for company once a batch is in flight (default 2 ms). */
  maxDelayMs?: number;
  maxBatch?: number;
  /** Batches in flight at once (each holds a pool connection). */
  maxInFlight?: number;
  /** Told about each batch, for the statement counts in metrics and tests. */
  onBatch?(size: number): void;
  /** false: every call runs alone at once (DATABASE_GROUP_COMMIT=false). */
  enabled?: boolean;
}

interface Pending<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

export class GroupBatcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxDelayMs: number;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(private readonly options: GroupBatcherOptions<I, O>) {
    this.maxDelayMs = Math.min(options.maxDelayMs ?? 2, 2);
    this.maxBatch = options.maxBatch ?? 500;
    this.maxInFlight = options.maxInFlight ?? 4;
  }

  add(item: I): Promise<O> {
    if (this.options.enabled === false) return this.options.runOne(item);
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.inFlight === 0) setImmediate(() => this.flush());
    else setTimeout(() => this.flush(), this.maxDelayMs);
  }

  private flush(): void {
    this.scheduled = false;
    // A full house: the next batch leaves when one of these comes back.
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        // Whatever gathered meanwhile leaves now: that is the group commit.
        if (this.queue.length > 0) this.flush();
      });
    }
  }

  private async run(batch: Pending<I, O>[]): Promise<void> {
    this.options.onBatch?.(batch.length);
    if (batch.length === 1) {
      const only = batch[0]!;
      await this.options.runOne(only.item).then(only.resolve, only.reject);
      return;
    }
    let results: O[];
    try {
      results = await this.options.runMany(batch.map((p) => p.item));
    } catch {
      // One bad item (or a deadlock between two batches) must not fail its neighbours: alone, each
      // gets its own answer or its own error.
      await Promise.all(batch.map((p) => this.options.runOne(p.item).then(p.resolve, p.reject)));
      return;
    }
    batch.forEach((p, i) => {
      p.resolve(results[i] as O);
    });
  }
}
