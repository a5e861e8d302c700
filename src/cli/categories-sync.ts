import { loadConfig } from '../config.js';
import { systemClock } from '../infra/clock.js';
import { UserServiceUnavailableError } from '../integrations/user-service/index.js';
import { syncCategories } from '../modules/categories/index.js';
import { moveTemplatesToCategory } from '../modules/templates/index.js';
import { openCliDatabase } from './cli-database.js';
import { setupUserService } from './user-service-setup.js';

/**
 * `npm run categories:sync [-- --database-url URL]`: the same sync the server runs at start, on its
 * timer and on `POST /api/admin/categories/sync`, for a database the server is not running on yet.
 */
async function main(): Promise<void> {
  const cli = await openCliDatabase(process.argv.slice(2));
  try {
    const config = await loadConfig();
    // Without URL_SERVER_USER (development) this syncs from the in-process emulator's seed.
    // A one-off command: any free port, so it never collides with a running development server.
    const userService = await setupUserService(config, { warn: () => {} }, 0);
    try {
      if (userService.emulator)
        console.log('URL_SERVER_USER is not set: syncing from the development emulator');
      const counts = await syncCategories({
        db: cli.handle.db,
        clock: systemClock,
        userService: userService.client,
        moveTemplates: moveTemplatesToCategory,
      });
      console.log(
        `categories synced: ${counts.received} received, ${counts.created} created, ${counts.updated} updated, ` +
          `${counts.unchanged} unchanged, ${counts.merged} merged, ${counts.skipped} skipped`,
      );
    } finally {
      await userService.close();
    }
  } finally {
    await cli.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UserServiceUnavailableError) {
    console.error(`the User Service is unavailable (${error.reason}); the existing categories were kept`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
