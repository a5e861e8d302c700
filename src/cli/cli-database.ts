import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { createDatabase, type DatabaseHandle } from '../infra/db/connection.js';
import { sessionUrl } from '../infra/db/pooler.js';
import { type ResolvedDatabase, resolveDatabase } from '../infra/db/resolve-database.js';

/**
 * Opens the database an npm-script command works on: `--database-url`, else DATABASE_URL, else the
 * embedded development cluster (started for the command and stopped after).
 */
export async function openCliDatabase(argv: string[]): Promise<{
  handle: DatabaseHandle;
  resolved: ResolvedDatabase;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  close(): Promise<void>;
}> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { 'database-url': { type: 'string' } },
  });
  const config = await loadConfig();
  const override = typeof values['database-url'] === 'string' ? values['database-url'] : undefined;
  const log = pino({ level: 'warn' });
  const resolved: ResolvedDatabase = override
    ? { url: override, embedded: undefined }
    : await resolveDatabase(config, log);
  // Commands are short administrative sessions (the migrator holds a session lock): behind a
  // transaction pooler they use the direct URL.
  const handle = createDatabase({
    url: override ? resolved.url : sessionUrl(config.database, resolved.url, 'migrate'),
    poolMax: 2,
    statementTimeoutMs: 300_000,
    preparedStatements: config.database.preparedStatements,
  });
  return {
    handle,
    resolved,
    positionals,
    values,
    async close() {
      await handle.close();
      await resolved.embedded?.stop();
    },
  };
}
