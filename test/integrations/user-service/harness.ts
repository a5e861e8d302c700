import { DEV_SERVICE_TOKEN } from '../../../dev/user-service/seed.js';
import {
  startUserServiceEmulator,
  type UserServiceEmulatorOptions,
} from '../../../dev/user-service/server.js';
import {
  createUserServiceClient,
  type UserServiceClientOptions,
} from '../../../src/integrations/user-service/client.js';

/** A hand-driven clock for the breaker and the token cache. */
export function manualClock(start = 1_700_000_000_000) {
  let current = start;
  return {
    now: () => current,
    advance: (ms: number) => {
      current += ms;
    },
  };
}

/** The real emulator on loopback plus a client pointed at it (static service token, tiny retry pauses). */
export async function startHarness(
  options: { emulator?: UserServiceEmulatorOptions; client?: Partial<UserServiceClientOptions> } = {},
) {
  const emulator = await startUserServiceEmulator(options.emulator);
  const client = createUserServiceClient({
    baseUrl: emulator.url,
    serviceToken: DEV_SERVICE_TOKEN,
    retryDelaysMs: [1, 1],
    ...options.client,
  });
  return {
    emulator,
    client,
    state: emulator.state,
    close: async () => {
      await client.close();
      await emulator.close();
    },
  };
}

/** A full marketplace body, as Stacker's outbox sends it. */
export function approvedEvent(externalId: string, overrides: Record<string, unknown> = {}) {
  return {
    action: 'template_approved',
    event_id: `evt-${externalId}-${String(overrides.sequence ?? 1)}`,
    sequence: 1,
    occurred_at: '2026-01-09T00:00:00Z',
    stack_template_id: externalId,
    external_id: externalId,
    code: 'ghost-blog',
    name: 'Ghost blog',
    description: 'A blog',
    category_code: 'web',
    category: 'web',
    price: 12.5,
    billing_cycle: 'one_time',
    currency: 'USD',
    required_plan_name: null,
    vendor_user_id: '2',
    vendor_name: 'Vera Vendor',
    ...overrides,
  };
}
