import { randomUUID } from 'node:crypto';
import { startUserServiceEmulator, type UserServiceEmulator } from '../../../dev/user-service/index.js';
import { ManualClock } from '../../../src/infra/clock.js';
import { OUTBOX_TOPICS } from '../../../src/infra/outbox/outbox-writer.js';
import { buildTestApp, type TestApp, type TestAppOptions } from '../../helpers/app.js';
import { approvedEvent } from '../../integrations/user-service/harness.js';
import { outboxRows } from './harness.js';

// For the marketplace fault tests: real apps (relay, client) and the User Service emulator as a real
// HTTP peer on loopback that goes down (closed port) and comes back on the same port with its data.

export const SYNC = '/marketplace/sync';

export class MarketplaceHarness {
  readonly clock = new ManualClock(new Date());
  readonly #apps: TestApp[] = [];

  private constructor(public peer: UserServiceEmulator) {}

  static async start(options: { webhookSecret?: string } = {}): Promise<MarketplaceHarness> {
    return new MarketplaceHarness(await startUserServiceEmulator(options));
  }

  async app(options: TestAppOptions = {}): Promise<TestApp> {
    const t = await buildTestApp({
      clock: this.clock,
      userService: this.peer,
      // The client's circuit breaker runs on the same clock, so moving time also cools it down.
      userServiceClient: { now: () => this.clock.now().getTime(), retryDelaysMs: [] },
      ...options,
    });
    this.#apps.push(t);
    return t;
  }

  async down(): Promise<void> {
    await this.peer.close();
  }

  async up(): Promise<void> {
    this.peer = await startUserServiceEmulator({ port: this.peer.port, state: this.peer.state });
  }

  async close(): Promise<void> {
    for (const t of this.#apps.splice(0)) await t.close();
    await this.peer.close();
  }

  /** An approved template row, so a returned product id has somewhere to go. */
  async template(t: TestApp): Promise<string> {
    const id = randomUUID();
    await t.database.db
      .insertInto('stack_template')
      .values({ id, creator_user_id: '2', name: `Template ${id}`, slug: `tpl-${id}`, status: 'approved' })
      .execute();
    return id;
  }

  /** Runs passes, moving the clock past each retry, until nothing is pending (or gives up). */
  async deliverAll(t: TestApp, maxRounds = 20): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      while ((await t.app.outbox.runOnce()).claimed > 0);
      const pending = (await outboxRows(t.database.db)).filter((r) => r.status === 'pending');
      if (pending.length === 0) return;
      this.clock.advance(12_001);
    }
    throw new Error('events still pending');
  }

  productsOf(externalId: string) {
    return this.peer.state.store.products.filter((p) => p.external_id === externalId);
  }

  applied() {
    return this.peer.state.syncEvents.filter((e) => e.outcome === 'applied');
  }
}

/** A marketplace event as the templates feature writes it (the outbox id becomes its `event_id`). */
export function syncEvent(templateId: string, sequence: number, action = 'template_approved', extra = {}) {
  const { event_id: _unused, ...body } = approvedEvent(templateId, { sequence, ...extra });
  const payload =
    action === 'template_rejected'
      ? {
          action,
          stack_template_id: templateId,
          external_id: templateId,
          sequence,
          occurred_at: body.occurred_at,
        }
      : { ...body, action };
  return { topic: OUTBOX_TOPICS.marketplaceSync, orderingKey: templateId, sequence, payload };
}
