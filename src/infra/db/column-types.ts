import type { ColumnType } from 'kysely';

/*
 * Generic column shapes the generated schema (schema.ts) uses through `.kysely-codegenrc.json`
 * overrides, where Postgres says less than the code knows: what a jsonb column holds, and columns the
 * database computes. They name no feature; the overrides hold the CHECK constraints' value lists.
 */

/** jsonb read as `T`; written as `T` or as JSON text. */
export type JsonColumn<T> = ColumnType<T, string | T, string | T>;
/** jsonb with a default: optional on insert. */
export type JsonDefault<T> = ColumnType<T, string | T | undefined, string | T>;
/** A column the database computes (GENERATED ALWAYS, or a sequence default nobody overrides). */
export type Computed<T> = ColumnType<T, never, never>;
