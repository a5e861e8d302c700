import { type Config, parseConfig } from '../../src/config.js';

/** A config for tests: production-free defaults plus the overrides a test names. */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
    ...env,
  });
}
