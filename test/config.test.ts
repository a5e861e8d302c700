import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

describe('config', () => {
  it('applies the documented defaults', () => {
    const c = parseConfig({});
    expect(c.env).toBe('development');
    expect(c.port).toBe(8000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.database.url).toBeUndefined();
    expect(c.database.migrateOnStart).toBe(true);
    expect(c.userService.devEmulator).toBe(true);
    expect(c.agent.pollMaxSecs).toBe(50);
    expect(c.agent.reportMaxBytes).toBe(8_388_608);
    expect(c.plans.tiers).toEqual(['free', 'basic', 'plus', 'pro', 'enterprise']);
    expect(c.rateLimits.free).toEqual({ deploy: 5, restart: 3, logs: 10 });
    expect(c.auth.roleMap.vendor).toBe('group_user');
  });

  it('prepares the hot statements unless DATABASE_PREPARED_STATEMENTS=false', () => {
    expect(parseConfig({}).database.preparedStatements).toBe(true);
    expect(parseConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).database.preparedStatements).toBe(false);
    expect(() => parseConfig({ DATABASE_PREPARED_STATEMENTS: 'sometimes' })).toThrow(
      /DATABASE_PREPARED_STATEMENTS/,
    );
  });

  it('names the bad variable', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseConfig({ AUTH_CACHE_TTL_SECS: '301' })).toThrow(/AUTH_CACHE_TTL_SECS/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ ROLE_MAP: '{not json' })).toThrow(/ROLE_MAP/);
    expect(() => parseConfig({ AGENT_SIGNATURE_MODE: 'off' })).toThrow(/AGENT_SIGNATURE_MODE/);
    expect(() => parseConfig({ RATE_LIMITS: '{"free":{"deploy":-1}}' })).toThrow(/RATE_LIMITS/);
  });

  it('refuses the embedded defaults in production, naming what is missing', () => {
    let error: unknown;
    try {
      parseConfig({ NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['DATABASE_URL', 'URL_SERVER_USER', 'STACKER_SECRET_KEY', 'STACKER_SERVICE_TOKEN']) {
      expect(message).toContain(name);
    }
  });

  it('accepts a complete production config and turns the emulator off', () => {
    const c = parseConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u@db/stacker',
      URL_SERVER_USER: 'http://user:4100/',
      STACKER_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
      STACKER_SERVICE_TOKEN: 't',
    });
    expect(c.userService.devEmulator).toBe(false);
    expect(c.userService.url).toBe('http://user:4100');
    expect(c.database.migrateOnStart).toBe(false);
  });

  it('merges JSON overrides with the defaults', () => {
    const c = parseConfig({
      ROLE_MAP: '{"staff":"group_admin"}',
      RATE_LIMITS: '{"free":{"restart":4},"gold":{"deploy":99}}',
      TRUST_PROXY: '10.0.0.1',
    });
    expect(c.auth.roleMap.staff).toBe('group_admin');
    expect(c.auth.roleMap.admin).toBe('group_admin');
    expect(c.rateLimits.free).toEqual({ deploy: 5, restart: 4, logs: 10 });
    expect(c.rateLimits.gold?.deploy).toBe(99);
    expect(c.trustProxy).toBe('10.0.0.1');
  });
});
