import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultSeed,
  startUserServiceEmulator,
  type UserServiceEmulator,
} from '../../dev/user-service/index.js';
import { mapRole } from '../../src/auth/user-authenticator.js';
import { DEFAULT_ROLE_MAP } from '../../src/config-defaults.js';
import { bucketLimit } from '../../src/infra/rate-limit/bucket-limits.js';
import { parseProgressMessage } from '../../src/integrations/install-service/progress-message.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testConfig } from '../helpers/config.js';

// Values from outside (a role, a plan, a status) that happen to name an Object.prototype member must
// be as unknown as any other unknown name, not resolve to a function.
const PROTOTYPE_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
];

describe('lookups keyed by outside values', () => {
  it.each(PROTOTYPE_NAMES)('the role %s maps to group_user', (role) => {
    expect(mapRole(role, DEFAULT_ROLE_MAP)).toBe('group_user');
  });

  it.each(PROTOTYPE_NAMES)('the plan %s gets the free limits', (plan) => {
    const config = testConfig();
    expect(bucketLimit(plan, 'restart', config)).toBe(bucketLimit('free', 'restart', config));
  });

  it.each(PROTOTYPE_NAMES)('the progress status %s is unknown', (status) => {
    const parsed = parseProgressMessage(Buffer.from(JSON.stringify({ status, deployment_hash: 'd1' })));
    expect(parsed.ok).toBe(false);
  });
});

describe('a User Service user whose role and plan are named like prototype keys', () => {
  let t: TestApp;
  let emulator: UserServiceEmulator;
  const tokens = PROTOTYPE_NAMES.map((name) => `token-${name}`);
  beforeAll(async () => {
    const seed = defaultSeed();
    const template = seed.users[1]?.user;
    if (!template) throw new Error('the default seed has a vendor');
    PROTOTYPE_NAMES.forEach((name, i) => {
      seed.users.push({
        token: tokens[i] ?? '',
        user: { ...template, _id: 900 + i, role: name, plan: { name, date_end: null } },
      });
    });
    emulator = await startUserServiceEmulator({ port: 0, seed });
    t = await buildTestApp({ userService: emulator });
  });
  afterAll(async () => {
    await t.close();
    await emulator.close();
  });

  it.each(PROTOTYPE_NAMES.map((name, i) => [name, i] as const))(
    '%s is an ordinary user',
    async (_name, i) => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${tokens[i]}` },
      });
      expect(res.statusCode).toBe(200);
      // Allowed as group_user; the role itself is shown as the User Service sent it.
      expect(res.json().item.role).toBe(PROTOTYPE_NAMES[i]);
    },
  );
});
