import { afterMigrate } from './after-migrate.js';
import { openCliDatabase } from './cli-database.js';

/** `npm run acl:setup [-- --database-url URL]`: applies policies/policy.csv idempotently, prints what it added. */
async function main(): Promise<void> {
  const cli = await openCliDatabase(process.argv.slice(2));
  try {
    await afterMigrate(cli.handle.db, (line) => console.log(line));
  } finally {
    await cli.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
