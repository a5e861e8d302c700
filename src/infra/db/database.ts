import type { DB } from './schema.js';

/**
 * The Kysely view of the schema: generated from the migrated database by kysely-codegen
 * (`npm run db:schema`, config in `.kysely-codegenrc.json`) into schema.ts, never written by hand.
 * A test regenerates it (and the committed SQL dump) and fails on any difference.
 */
export type Database = DB;
