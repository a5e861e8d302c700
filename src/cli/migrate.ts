import { migrateDown, migrateToLatest, migrationStatus } from '../infra/db/migrator.js';
import { afterMigrate } from './after-migrate.js';
import { openCliDatabase } from './cli-database.js';

/** `npm run migrate | migrate:down | migrate:status [-- --database-url URL]` */
async function main(): Promise<void> {
  const cli = await openCliDatabase(process.argv.slice(2));
  const command = cli.positionals[0] ?? 'up';
  try {
    if (command === 'up') {
      const applied = await migrateToLatest(cli.handle.db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
      await afterMigrate(cli.handle.db, (line) => console.log(line));
    } else if (command === 'down') {
      const reverted = await migrateDown(cli.handle.db);
      console.log(reverted.length ? `reverted: ${reverted.join(', ')}` : 'nothing to revert');
    } else if (command === 'status') {
      for (const m of await migrationStatus(cli.handle.db)) {
        console.log(`${m.executedAt ? m.executedAt.toISOString() : 'pending                 '}  ${m.name}`);
      }
    } else {
      throw new Error(`unknown command '${command}' (up, down, status)`);
    }
  } finally {
    await cli.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
