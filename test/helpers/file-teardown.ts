import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { deleteTopology } from './broker.js';
import { TEST_AMQP_NAMES } from './config.js';
import { recordSleep } from './sleep-report.js';

// Runs after every test file (vitest `setupFiles`).
// biome-ignore lint/correctness/noEmptyPattern: vitest requires a destructuring first argument in hooks.
afterAll(async ({}, suite) => {
  // The durable exchange and queue this file's apps declared on the shared broker go with the file.
  if (globalThis.__stackerUsedBroker) {
    await deleteTopology({
      queues: [TEST_AMQP_NAMES.progressQueue],
      exchanges: [TEST_AMQP_NAMES.installExchange, TEST_AMQP_NAMES.progressExchange],
    });
  }
  const slept = globalThis.__stackerSleptMs ?? 0;
  globalThis.__stackerSleptMs = 0;
  if (slept > 0) {
    const file =
      'filepath' in suite && suite.filepath ? path.relative(process.cwd(), suite.filepath) : suite.name;
    await recordSleep(inject('testRunDir'), file, slept);
  }
});
