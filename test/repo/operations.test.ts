import { execFile, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readTestEnv } from '../../src/config.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

// What operators run: the container build context, the compose file, the metrics and alert rules. The
// checks use the tools operators use (docker-compose, promtool, from Debian's packages; .ci/run installs
// them). Outside CI a missing tool skips its check loudly; in CI it fails.

const ROOT = process.cwd();

function available(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    if (readTestEnv().ci) throw new Error(`${tool} is not installed; CI must provide it (.ci/run)`);
    console.warn(`\n!!! SKIPPING the ${tool} check: ${tool} is not installed. !!!\n`);
    return false;
  }
}

function run(command: string, args: string[], input?: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(input ?? '');
  });
}

describe('the container build', () => {
  it('keeps local data, secrets, modules and history out of the build context', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', '.data', '.env', '.git', 'dist']) expect(ignored).toContain(entry);
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'));

  it('gives every long-running service its own healthcheck, on its own port', () => {
    for (const [name, service] of Object.entries<Record<string, unknown>>(compose.services)) {
      const check = service.healthcheck as { test?: string[]; disable?: boolean } | undefined;
      if (name === 'migrate') {
        expect(check?.disable, 'the one-shot migrate job').toBe(true);
        continue;
      }
      if (name === 'stacker') continue; // the image's HEALTHCHECK probes Stacker's own port
      expect(check?.test, name).toBeDefined();
    }
    const emulator = compose.services['user-service'];
    const port = emulator.command[emulator.command.indexOf('--port') + 1];
    expect(emulator.healthcheck.test.join(' ')).toContain(`:${port}/`);
  });

  it('is valid for docker-compose', async () => {
    if (!available('docker-compose')) return;
    const result = await run('docker-compose', ['config', '-q'], undefined, { STACKER_SECRET_KEY: 'x' });
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('Prometheus', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('the exposition passes promtool check metrics (names, types, units, _total only on counters)', async () => {
    if (!available('promtool')) return;
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    const result = await run('promtool', ['check', 'metrics'], metrics.body);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('the alert rules pass promtool check rules', async () => {
    if (!available('promtool')) return;
    const result = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(
        'promtool',
        ['check', 'rules', 'docs/ops/alerts.yml'],
        { cwd: ROOT },
        (error, stdout, stderr) => resolve({ code: error ? 1 : 0, output: stdout + stderr }),
      ),
    );
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });
});
