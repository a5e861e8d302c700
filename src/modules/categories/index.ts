/** Template categories: the public list, the admin's "sync now", and the sync at start and on a timer. */
export { categoriesModule } from './routes.js';
export { resolveCategoryCode } from './service.js';
export { type CategorySyncCounts, type MoveTemplates, syncCategories } from './sync-service.js';
