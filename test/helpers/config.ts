import { randomBytes } from 'node:crypto';
import { type Config, parseConfig } from '../../src/config.js';

/** Unique to this test file's process: names on shared servers (broker, Redis) carry it. */
export const TEST_RUN_ID = randomBytes(4).toString('hex');

/**
 * Exchange and queue names of this file's apps, never the contract's `install`, `install_progress` or
 * `stacker_listener`: another test run or a real Stacker on the same broker must not take these messages
 * (nor these tests take theirs). The file's teardown deletes them.
 */
export const TEST_AMQP_NAMES = {
  installExchange: `test.${TEST_RUN_ID}.install`,
  progressExchange: `test.${TEST_RUN_ID}.install_progress`,
  progressQueue: `test.${TEST_RUN_ID}.stacker_listener`,
} as const;

/** A config for tests: production-free defaults plus the overrides a test names. */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
    AMQP_INSTALL_EXCHANGE: TEST_AMQP_NAMES.installExchange,
    AMQP_PROGRESS_EXCHANGE: TEST_AMQP_NAMES.progressExchange,
    AMQP_PROGRESS_QUEUE: TEST_AMQP_NAMES.progressQueue,
    RATE_LIMIT_KEY_PREFIX: `test:${TEST_RUN_ID}:ratelimit:`,
    ...env,
  });
  if (config.amqpUrl) globalThis.__stackerUsedBroker = true;
  return config;
}

declare global {
  // Set once an app of this file was given a broker: the file's teardown then deletes its names.
  var __stackerUsedBroker: boolean | undefined;
}
