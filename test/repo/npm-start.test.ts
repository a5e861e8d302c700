import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../../src/infra/db/embedded.js';
import { waitUntil } from '../helpers/wait.js';

// `npm start` must be one process tree that a SIGTERM to npm stops entirely: the server closes its port
// and the embedded Postgres it started is gone. Real time is the subject here (a shutdown deadline).

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it('stops the server and its embedded Postgres within 10 s of a SIGTERM to npm', {
  timeout: 120_000,
}, async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'stacker-npm-start-'));
  // As root the cluster runs as the unprivileged postgres user, which must be able to enter the folder.
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  for (const name of [
    'DATABASE_URL',
    'TEST_DATABASE_URL',
    'URL_SERVER_USER',
    'AMQP_URL',
    'REDIS_URL',
    'NODE_ENV',
  ]) {
    delete env[name];
  }
  env.LOG_LEVEL = 'warn';
  // Any free port for the emulator: a developer's own server may hold the default 4100.
  env.DEV_USER_SERVICE_PORT = '0';
  const npm = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout.on('data', (chunk) => (output += chunk));
  npm.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (npm.exitCode === null) npm.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  await waitUntil(() => portOpen(port), {
    what: `npm start listening on ${port}\n${output}`,
    timeout: 90_000,
  });
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  expect(existsSync(pidFile)).toBe(true);
  const postmaster = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  expect(alive(postmaster)).toBe(true);

  npm.kill('SIGTERM');
  const stopped = Date.now();
  await waitUntil(async () => !(await portOpen(port)) && !alive(postmaster), {
    what: 'the port to close and the postmaster to exit',
    timeout: 10_000,
  });
  expect(Date.now() - stopped).toBeLessThan(10_000);
  await exited;
});
