import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_identity.js';
import * as m0003 from './0003_marketplace.js';
import * as m0004 from './0004_outbox.js';
import * as m0005 from './0005_deployments.js';
import * as m0006 from './0006_agents_commands.js';
import * as m0007 from './0007_marketplace_search.js';
import * as m0008 from './0008_catalog_notify.js';
import * as m0009 from './0009_projects.js';
import * as m0011 from './0011_lifecycle.js';
import * as m0013 from './0013_foreign_key_indexes.js';
import * as m0014 from './0014_perf_notify.js';

/**
 * Every migration, in order. A static map (not a directory scan) so the same list works from TypeScript
 * sources, the compiled build and the test harness. Names are the migration ids stored in the database:
 * never rename or edit an applied one, add a new one.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_identity': m0002,
  '0003_marketplace': m0003,
  '0004_outbox': m0004,
  '0005_deployments': m0005,
  '0006_agents_commands': m0006,
  '0007_marketplace_search': m0007,
  '0008_catalog_notify': m0008,
  '0009_projects': m0009,
  '0011_lifecycle': m0011,
  '0013_foreign_key_indexes': m0013,
  '0014_perf_notify': m0014,
};
