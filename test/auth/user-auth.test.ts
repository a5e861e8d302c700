import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserServiceEmulator } from '../../dev/user-service/index.js';
import { ManualClock } from '../../src/infra/clock.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { bearer, DEV_TOKENS, userId } from '../helpers/auth.js';

const ME = '/oauth_server/api/me';

describe('GET /api/v1/me and bearer tokens', () => {
  let t: TestApp;
  // The token cache ages by the app clock: moving it past the TTL expires entries without waiting.
  const clock = new ManualClock();
  const pastTheTtl = () => clock.advance(1_100);
  beforeAll(async () => {
    t = await buildTestApp({ env: { AUTH_CACHE_TTL_SECS: '1' }, clock });
  });
  afterAll(() => t.close());

  it('answers with the token owner', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('vendor') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ item: { id: userId('vendor'), role: 'group_user', plan: 'pro' } });
    expect(res.json().item.email).toContain('@');
  });

  it.each([
    ['no header', {}, 'unauthorized'],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }, 'invalid_authorization'],
    ['Bearer without a token', { authorization: 'Bearer ' }, 'invalid_authorization'],
    ['an unknown token', { authorization: 'Bearer not-a-real-token' }, 'invalid_token'],
  ])('401 for %s', async (_name, headers, code) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().code).toBe(code);
  });

  it('caches /me: one upstream call for N requests within the TTL, and again after it', async () => {
    t.userService.state.reset();
    const before = t.userService.state.calls(ME);
    for (let i = 0; i < 5; i++) {
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('customerFree') }))
          .statusCode,
      ).toBe(200);
    }
    expect(t.userService.state.calls(ME) - before).toBe(1);
    pastTheTtl();
    await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('customerFree') });
    expect(t.userService.state.calls(ME) - before).toBe(2);
  });

  it('shares one upstream call between concurrent misses for one token', async () => {
    t.userService.state.setLatency(200);
    const before = t.userService.state.calls(ME);
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('customerPro') }),
      ),
    );
    t.userService.state.setLatency(0);
    expect(replies.every((r) => r.statusCode === 200)).toBe(true);
    expect(t.userService.state.calls(ME) - before).toBe(1);
  });

  it('keeps honouring a revoked token for the TTL, then refuses it', async () => {
    pastTheTtl();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('admin') })).statusCode,
    ).toBe(200);
    t.userService.state.revokeToken(DEV_TOKENS.admin);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('admin') })).statusCode,
    ).toBe(200);
    pastTheTtl();
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('admin') });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('invalid_token');
  });

  it('remembers a refused token for 5 s instead of asking again', async () => {
    const before = t.userService.state.calls(ME);
    for (let i = 0; i < 3; i++) {
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: 'Bearer refused-token-xyz' },
      });
    }
    expect(t.userService.state.calls(ME) - before).toBe(1);
  });

  it('answers 503, never 401, and caches nothing while the User Service fails', async () => {
    pastTheTtl();
    t.userService.state.failNext(3, 503, { path: ME });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('vendor') });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('user_service_unavailable');
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('vendor') });
    expect(ok.statusCode).toBe(200);
  });
});

describe('circuit breaker towards the User Service', () => {
  it('opens while the service is down (fail fast, health says down) and closes when it is back', async () => {
    const first = await startUserServiceEmulator({ port: 0 });
    const port = first.port;
    let now = Date.now();
    const t = await buildTestApp({
      userService: first,
      userServiceClient: {
        breaker: { failureThreshold: 2, cooldownMs: 300 },
        retryDelaysMs: [],
        now: () => now,
      },
    });
    try {
      await first.close();
      for (let i = 0; i < 3; i++) {
        const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('vendor') });
        expect(res.statusCode).toBe(503);
      }
      expect(t.userServiceClient.circuitState()).toBe('open');
      const health = await t.app.inject({ method: 'GET', url: '/health_check' });
      expect(health.json().checks.user_service).toBe('down');
      expect(health.statusCode).toBe(200);

      const again = await startUserServiceEmulator({ port, state: first.state });
      try {
        now += 350; // past the cooldown: the next call is the half-open probe
        const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('vendor') });
        expect(res.statusCode).toBe(200);
        expect(t.userServiceClient.circuitState()).toBe('closed');
      } finally {
        await again.close();
      }
    } finally {
      await t.close();
    }
  });
});
