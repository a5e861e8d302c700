import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../src/infra/db/embedded.js';
import { type ProcSample, sampleProcess } from './proc-stats.js';

/*
 * One Stacker server as its own process, started the way an operator starts it (src/main.ts through
 * tsx, or the build), on the bench's database, with the in-process User Service emulator (no
 * URL_SERVER_USER: the DEV_TOKENS users exist). Variables a developer's .env or CI might set (broker,
 * Redis, a real User Service) are set empty so every run measures the same thing.
 */

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RESULTS_DIR = path.join(ROOT, 'bench/results');

export interface StackerOptions {
  name: string;
  databaseUrl: string;
  secretKey: string;
  built: boolean;
  cpuProf: boolean;
  env?: Record<string, string>;
}

export interface StackerProcess {
  name: string;
  pid: number;
  origin: string;
  port: number;
  sample(): Promise<ProcSample>;
  stop(): Promise<void>;
}

export async function startStacker(options: StackerOptions): Promise<StackerProcess> {
  const port = await freePort();
  const entry = options.built ? ['dist/src/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const profiling = options.cpuProf
    ? // One folder per server: the tsx loader thread writes its own profile beside the main thread's.
      ['--cpu-prof', `--cpu-prof-dir=${path.join(RESULTS_DIR, 'profiles', options.name)}`]
    : [];
  return startNodeServer({
    name: options.name,
    port,
    args: [...profiling, ...entry],
    readyPath: '/health_check',
    env: {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_URL: options.databaseUrl,
      MIGRATE_ON_START: 'false',
      STACKER_SECRET_KEY: options.secretKey,
      URL_SERVER_USER: '',
      // Each instance runs its own emulator: any free port, not the development default 4100.
      DEV_USER_SERVICE_PORT: '0',
      AMQP_URL: '',
      REDIS_URL: '',
      METRICS_TOKEN: '',
      SHUTDOWN_GRACE_MS: '3000',
      ...options.env,
    },
  });
}

/** The bare Fastify hello-world baseline, in its own process like the server. */
export async function startHelloWorld(databaseUrl: string): Promise<StackerProcess> {
  const port = await freePort();
  return startNodeServer({
    name: 'hello-world',
    port,
    args: ['--import', 'tsx', 'bench/lib/hello-world.ts', String(port), databaseUrl],
    readyPath: '/',
    env: {},
  });
}

/** Spawns `node <args>` from the project root and resolves once `readyPath` answers. */
export async function startNodeServer(options: {
  name: string;
  port: number;
  args: string[];
  readyPath: string;
  env: Record<string, string>;
}): Promise<StackerProcess> {
  const { port } = options;
  await mkdir(RESULTS_DIR, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, options.args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
  });
  const log = createWriteStream(path.join(RESULTS_DIR, `${options.name}.log`));
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    tail.push(chunk.toString('utf8'));
    if (tail.length > 40) tail.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code;
      log.end();
      resolve();
    }),
  );

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`${options.name} exited (${exited}):\n${tail.join('')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not answer in 60 s:\n${tail.join('')}`);
    }
    try {
      const res = await fetch(`${origin}${options.readyPath}`);
      await res.arrayBuffer();
      break;
    } catch {
      await sleep(100);
    }
  }

  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name} has no pid`);
  return {
    name: options.name,
    pid,
    origin,
    port,
    sample: () => sampleProcess(pid),
    async stop() {
      if (exited !== undefined) return;
      child.kill('SIGTERM');
      const killed = await Promise.race([
        exit.then(() => false),
        sleep(15_000, undefined, { ref: false }).then(() => true),
      ]);
      if (killed) {
        child.kill('SIGKILL');
        await exit;
      }
    },
  };
}
