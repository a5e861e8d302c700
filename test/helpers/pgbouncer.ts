import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readTestEnv } from '../../src/config.js';
import { freePort } from '../../src/infra/db/embedded.js';

/**
 * A real PgBouncer (Debian's `pgbouncer` package) on loopback in transaction pooling, in front of the
 * test Postgres. `.ci/run` installs it and sets PGBOUNCER_BIN; locally, without the binary, the tests
 * that need it skip with `PGBOUNCER_MISSING`.
 */
export interface PgBouncer {
  /** A URL for `database` through the pooler. */
  url(database: string): string;
  /** A query on PgBouncer's admin console (`SHOW POOLS`, `SHOW STATS`...). */
  admin<T>(command: string): Promise<T[]>;
  stop(): Promise<void>;
}

const CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];

export const PGBOUNCER_MISSING =
  'pgbouncer is not installed (apt-get install -y pgbouncer, or set PGBOUNCER_BIN); .ci/run installs it';

/** The binary, or undefined when absent. Throws when PGBOUNCER_BIN names one that is not there. */
export function pgbouncerBinary(): string | undefined {
  const configured = readTestEnv().pgbouncerBin;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`PGBOUNCER_BIN=${configured} does not exist`);
    return configured;
  }
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

export async function startPgBouncer(
  targetUrl: string,
  options: { poolSize?: number; maxClients?: number } = {},
): Promise<PgBouncer> {
  const binary = pgbouncerBinary();
  if (!binary) throw new Error(PGBOUNCER_MISSING);
  const target = new URL(targetUrl);
  const user = decodeURIComponent(target.username || 'postgres');
  const password = decodeURIComponent(target.password);
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'stacker-pgbouncer-'));
  // PgBouncer refuses to run as root; it switches to `user` and must still read its files.
  const asRoot = process.getuid?.() === 0;
  await chmod(dir, 0o755);
  const server = [
    `host=${target.hostname}`,
    `port=${target.port || '5432'}`,
    `user=${quote(user)}`,
    ...(password ? [`password=${quote(password)}`] : []),
  ].join(' ');
  const ini = [
    '[databases]',
    `* = ${server}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = trust',
    `auth_file = ${path.join(dir, 'users.txt')}`,
    'pool_mode = transaction',
    `default_pool_size = ${options.poolSize ?? 4}`,
    `max_client_conn = ${options.maxClients ?? 200}`,
    `admin_users = ${user}`,
    ...(asRoot ? ['user = postgres'] : []),
  ].join('\n');
  await writeFile(path.join(dir, 'pgbouncer.ini'), `${ini}\n`, { mode: 0o644 });
  await writeFile(path.join(dir, 'users.txt'), `"${user}" ""\n`, { mode: 0o644 });

  const child: ChildProcess = spawn(binary, [path.join(dir, 'pgbouncer.ini')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const base = `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}`;
  const admin = async <T>(command: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: `${base}/pgbouncer` });
    await client.connect();
    try {
      // Without parameters pg sends the simple protocol, the only one the admin console speaks.
      return (await client.query(command)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };

  // The bench uses this helper too, outside vitest: a plain polling loop, not waitUntil.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin('SHOW VERSION');
      break;
    } catch (error) {
      if (child.exitCode !== null || attempt >= 100) {
        await stop();
        throw new Error(`pgbouncer did not start: ${String(error)}\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { url: (database) => `${base}/${database}`, admin, stop };
}
