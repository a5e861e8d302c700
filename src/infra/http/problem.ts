import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import type { FieldError } from './errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    message: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .meta({ id: 'Problem', description: 'RFC 9457 problem details with a stable `code`' });

export type Problem = z.infer<typeof problemSchema>;

/** Builds an RFC 9457 body; `message` repeats `detail` for clients that read `message`. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extras: Record<string, unknown> = {},
  errors?: FieldError[],
): Problem {
  return {
    ...extras,
    type: `https://stacker.dev/problems/${code.replace(/_/g, '-')}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    message: detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}
