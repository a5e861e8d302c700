import { z } from 'zod';

/*
 * The `stacker` CLI's reply structs (projects.md, compat), as strict as serde reads them: a required
 * member missing, a `null` where the struct has no Option, or a wrong JSON type fails the whole reply.
 * Members the structs do not name are ignored, as serde ignores them.
 */

const i32 = z.number().int().min(-2_147_483_648).max(2_147_483_647);
const option = <T extends z.ZodType>(schema: T) => schema.nullish();

export const cliProjectInfo = z.object({
  id: i32,
  name: z.string(),
  user_id: z.string(),
  // serde_json::Value: anything, but present (a missing Value is null, which it accepts; keep it strict).
  metadata: z.unknown().refine((v) => v !== undefined, 'is required'),
  created_at: z.string(),
  updated_at: z.string(),
});

export const cliProjectAppInfo = z.object({
  id: i32,
  project_id: i32,
  code: z.string(),
  name: z.string(),
  image: z.string(),
  enabled: z.boolean(),
  deploy_order: option(i32),
  parent_app_code: option(z.string()),
});

export const cliDeployResponse = z.object({
  id: option(i32),
  meta: option(z.object({ deployment_id: i32 }).loose()),
});

export const cliDeploymentStatusInfo = z.object({
  id: i32,
  project_id: i32,
  deployment_hash: z.string(),
  status: z.string(),
  status_message: option(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});

/** `ApiResponse<T>`: every member optional, but `item` and each element of `list` parsed as T. */
export const cliApiResponse = <T extends z.ZodType>(schema: T) =>
  z.object({
    item: option(schema),
    list: option(z.array(schema)),
    id: option(i32),
    meta: option(z.unknown()),
  });

/** Parses like serde: throws with the path when the reply would not deserialize. */
export function parseAsCli<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new Error(`the CLI could not parse this reply: ${z.prettifyError(result.error)}`);
  return result.data;
}
