import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserServiceEmulator, type UserServiceEmulator } from '../../dev/user-service/server.js';
import { checkResult } from '../../src/modules/commands/catalog-results.js';
import { deploymentWithAgent } from '../helpers/agent-fixture.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

// The shell examples in the docs are run, so they cannot drift from the server: every `sh` block of
// README.md and docs/*.md is pasted, in order, into one bash session against a real Stacker and its User
// Service emulator on loopback (localhost:8000 and localhost:4100 rewritten to their ports). Blocks that
// run npm (the quick start itself) are not run. The ops playbook's blocks need a live incident's ids: each
// request line there is checked against the routes the server really has.

const ROOT = process.cwd();

function shellBlocks(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

const docs = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')),
].map((name) => (name === 'README.md' ? name : `docs/${name}`));

let emulator: UserServiceEmulator;
let t: TestApp;
let stacker: string;
/** What a reader would have at hand: their token and one of their deployments (with its agent). */
let readerEnv: Record<string, string>;
beforeAll(async () => {
  emulator = await startUserServiceEmulator({ port: 0 });
  t = await buildTestApp({ userService: emulator, backgroundJobs: true });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  stacker = `127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const fixture = await deploymentWithAgent(t, { owner: 'vendor' });
  readerEnv = { TOKEN: 'dev-vendor-token', ADMIN_TOKEN: 'dev-admin-token', HASH: fixture.hash };
});
afterAll(async () => {
  await t?.close();
  await emulator?.close();
});

function bash(script: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...readerEnv };
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe.each(docs.filter((file) => shellBlocks(file).some((block) => !block.includes('npm '))))(
  '%s',
  (file) => {
    it('runs its shell examples, in order, against a real server', { timeout: 60_000 }, async () => {
      const script = shellBlocks(file)
        .filter((block) => !block.includes('npm '))
        .join('\n')
        .replaceAll('localhost:8000', stacker)
        .replaceAll('localhost:4100', new URL(emulator.url).host);
      // `open` (a browser) has nothing to do here.
      const result = await bash(`open() { :; }\n${script}`);
      expect(result.code, result.output).toBe(0);
    });
  },
);

describe('docs/ops/playbook.md', () => {
  it('names only requests the server routes', () => {
    const routes = t.app.routeList.map((route) => ({
      method: route.method,
      pattern: new RegExp(`^${route.url.replace(/:[A-Za-z_]+/g, '[^/]+').replace(/\*/g, '.*')}$`),
    }));
    const requests = shellBlocks('docs/ops/playbook.md')
      .join('\n')
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .filter((line) => line.trim().startsWith('curl'))
      .map((line) => {
        const method = /-X (\w+)/.exec(line)?.[1] ?? 'GET';
        const url = /"\$STACKER([^"?]+)/.exec(line)?.[1] ?? '';
        return { method, path: url.replace(/\$[A-Z_]+/g, 'x') };
      });
    expect(requests.length).toBeGreaterThan(0);
    const unknown = requests.filter(
      ({ method, path: p }) => !routes.some((route) => route.method === method && route.pattern.test(p)),
    );
    expect(unknown).toEqual([]);
  });
});

describe('docs/command-queue.md', () => {
  const examples = [
    ...readFileSync(path.join(ROOT, 'docs/command-queue.md'), 'utf8').matchAll(
      /```json result:(\w+)\n([\s\S]*?)```/g,
    ),
  ].map((match) => ({
    type: match[1] ?? '',
    body: JSON.parse(match[2] ?? 'null') as Record<string, unknown>,
  }));

  it('has a result example for each documented shape', () => {
    expect(examples.map((example) => example.type).sort()).toEqual(['health', 'health', 'logs', 'restart']);
  });

  it.each(examples)('its $type result example passes the report check', ({ type, body }) => {
    const command = {
      deploymentHash: 'deployment_example',
      appCode: type === 'health' && body.type === 'all_health' ? 'all' : 'web',
    };
    expect(checkResult(type, command, body)).toMatchObject({ ok: true });
    // And the check is not a formality: the same example for another deployment is refused.
    expect(checkResult(type, { ...command, deploymentHash: 'deployment_other' }, body)).toMatchObject({
      ok: false,
    });
  });
});
