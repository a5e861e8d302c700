import path from 'node:path';
import type { Config } from '../../config.js';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from './embedded.js';

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedPostgresHandle | undefined;
}

/** `DATABASE_URL` when set, else a real embedded Postgres under `<DATA_DIR>/postgres` (development only). */
export async function resolveDatabase(
  config: Config,
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void },
): Promise<ResolvedDatabase> {
  if (config.database.url) return { url: config.database.url, embedded: undefined };
  const dataDir = path.resolve(config.dataDir, 'postgres');
  log.info({ dataDir }, 'DATABASE_URL is not set: starting the embedded development Postgres');
  const embedded = await startEmbeddedPostgres({
    dataDir,
    database: 'stacker',
    onNotice: (message) => log.warn({}, message),
  });
  log.info({ port: embedded.port }, 'embedded Postgres is ready');
  return { url: embedded.url, embedded };
}
