import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl } from '../helpers/database.js';

// A failing test must fail the run. These spawn `npm test` on the probe project in test/fixtures/exit-code
// (the suite's real global setup, so embedded Postgres and its exit hooks are loaded exactly as in a real
// run) and check the exit code, then feed the real JSON report to the script `.ci/run` judges it with.

const ROOT = process.cwd();
const CONFIG = 'test/fixtures/exit-code/vitest.config.ts';

interface Run {
  code: number | null;
  output: string;
}

function run(command: string, args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'stacker-exit-codes-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function npmTest(probe: string, databaseUrl: string | undefined, report: string): Promise<Run> {
  return run(
    'npm',
    [
      'test',
      '--',
      '--config',
      CONFIG,
      probe,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    // With no TEST_DATABASE_URL the global setup starts an embedded cluster: the case the bug hid in.
    { TEST_DATABASE_URL: databaseUrl, FORCE_COLOR: '0' },
  );
}

function summarize(report: string): Promise<Run> {
  return run('node', ['.ci/summarize-tests.mjs', report], {});
}

const databases = [
  { name: 'embedded Postgres', url: () => undefined },
  { name: 'an external Postgres (TEST_DATABASE_URL)', url: () => adminUrl() },
];

describe.each(databases)('npm test on $name', ({ url }) => {
  it('exits non-zero when a test fails, and the report check agrees', async () => {
    const report = path.join(scratch, `fails-${Math.random()}.json`);
    const result = await npmTest('fails.probe', url(), report);
    expect(result.output).toContain('fails on purpose');
    expect(result.code).not.toBe(0);
    const summary = await summarize(report);
    expect(summary.output).toContain('0 passed, 1 failed, 0 skipped');
    expect(summary.code).toBe(1);
  });

  it('exits non-zero when a test file fails to load', async () => {
    const report = path.join(scratch, `breaks-${Math.random()}.json`);
    const result = await npmTest('breaks-on-load.probe', url(), report);
    expect(result.output).toContain('this file fails to load on purpose');
    expect(result.code).not.toBe(0);
    const summary = await summarize(report);
    expect(summary.output).toContain('test file failed');
    expect(summary.code).toBe(1);
  });

  it('exits zero when every test passes', async () => {
    const report = path.join(scratch, `passes-${Math.random()}.json`);
    const result = await npmTest('passes.probe', url(), report);
    expect(result.code).toBe(0);
    const summary = await summarize(report);
    expect(summary.output).toContain('1 passed, 0 failed, 0 skipped');
    expect(summary.code).toBe(0);
  });
});

describe('the report check', () => {
  it('fails when no test ran', async () => {
    const report = path.join(scratch, 'empty.json');
    await writeFile(
      report,
      JSON.stringify({ numTotalTests: 0, numPassedTests: 0, numFailedTests: 0, numFailedTestSuites: 0 }),
    );
    const summary = await summarize(report);
    expect(summary.output).toContain('no test ran');
    expect(summary.code).toBe(1);
  });

  it('fails when the report is missing', async () => {
    const summary = await summarize(path.join(scratch, 'absent.json'));
    expect(summary.output).toContain('no test report');
    expect(summary.code).toBe(1);
  });
});
