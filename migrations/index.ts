import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';

/**
 * Every migration, in order. A static map (not a directory scan) so the same list works from TypeScript
 * sources, the compiled build and the test harness. Names are the migration ids stored in the database:
 * never rename or edit an applied one, add a new one.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
