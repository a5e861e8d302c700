import { z } from 'zod';

/**
 * The success envelope the existing UI and CLI read: `{message, item?, list?, meta?}`.
 * Helpers build replies; the schema helpers describe them for validation-free serialization and OpenAPI.
 */
export interface ListMeta {
  next_cursor?: string | null;
  [key: string]: unknown;
}

export const item = <T>(value: T, message = 'OK') => ({ message, item: value });

export const list = <T>(values: T[], meta?: ListMeta, message = 'OK') =>
  meta ? { message, list: values, meta } : { message, list: values };

export const itemEnvelope = <T extends z.ZodType>(schema: T) =>
  z.object({ message: z.string(), item: schema });

export const listEnvelope = <T extends z.ZodType>(schema: T) =>
  z.object({
    message: z.string(),
    list: z.array(schema),
    meta: z.object({ next_cursor: z.string().nullable().optional() }).loose().optional(),
  });

export const messageOnly = z.object({ message: z.string() });

/** Pagination query shared by list routes: `limit` 1..100 (default 50) and an opaque cursor. */
export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(512).optional(),
});
