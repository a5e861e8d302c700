import { z } from 'zod';
import { templateSchema, versionSchema } from '../templates/index.js';

// Request bodies and wire views of deployments. Optional fields accept `null` as "absent" (the CLI
// sends it). cloud/server/environment carry credentials: they are sealed at rest and never sent back.

const optional = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v): z.output<T> | undefined => v ?? undefined);

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

export const MAX_OBJECT_BYTES = 16 * 1024;
export const MAX_ENVIRONMENT_BYTES = 64 * 1024;
export const MAX_ENVIRONMENT_KEYS = 500;

/** A cloud or server description: a JSON object of at most 16 KiB. */
const settingsObject = z
  .record(z.string().min(1).max(256), z.unknown())
  .refine((v) => jsonBytes(v) <= MAX_OBJECT_BYTES, `must be at most ${MAX_OBJECT_BYTES / 1024} KiB of JSON`);

/** Environment values for the stack: names to scalars, at most 500 of them and 64 KiB in all. */
export const environmentField = z
  .record(z.string().min(1).max(256), z.union([z.string().max(32 * 1024), z.number(), z.boolean(), z.null()]))
  .refine(
    (v) => Object.keys(v).length <= MAX_ENVIRONMENT_KEYS,
    `must have at most ${MAX_ENVIRONMENT_KEYS} entries`,
  )
  .refine(
    (v) => jsonBytes(v) <= MAX_ENVIRONMENT_BYTES,
    `must be at most ${MAX_ENVIRONMENT_BYTES / 1024} KiB of JSON`,
  );

const nameField = z.string().trim().min(1).max(200);

export const createDeploymentBody = z.object({
  /** The template's UUID or its slug. */
  template: z.string().trim().min(1).max(200),
  name: nameField,
  cloud: optional(settingsObject),
  server: optional(settingsObject),
  environment: optional(environmentField),
});
export type CreateDeploymentInput = z.output<typeof createDeploymentBody>;

/** The CLI's form: `{name?, deploy?: {cloud?, server?, environment?}, install_inputs?}`, nulls allowed. */
export const installTemplateBody = z
  .object({
    name: optional(nameField),
    deploy: optional(
      z.object({
        cloud: optional(settingsObject),
        server: optional(settingsObject),
        environment: optional(environmentField),
      }),
    ),
    install_inputs: optional(environmentField),
  })
  .nullish();
export type InstallTemplateInput = z.output<typeof installTemplateBody>;

export const slugParams = z.object({ slug: z.string().max(200) });
// Any string: a hash of the wrong shape names no deployment and answers 404 like an unknown one.
export const hashParams = z.object({ deployment_hash: z.string().max(256) });

/** The deployment's id (digits only) or its hash; `hash` and `project` are literal segments. */
export const idOrHashParams = z.object({
  deployment_hash: z.string().max(256).describe('A digits-only segment is the id, anything else the hash'),
});
export const byHashParams = z.object({ hash: z.string().max(256) });
export const projectIdParams = z.object({ project_id: z.string().max(32) });
export const forceCompleteParams = z.object({ id: z.string().max(256) });
export const forceCompleteQuery = z.object({
  force: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

// The CLI asks `?project_id=<id>&limit=1`; upstream clamps `limit` to 1..500, so out of range is not a 400.
export const listQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .default(50)
    .transform((v) => Math.min(500, Math.max(1, v))),
  cursor: z.string().max(200).optional(),
  project_id: z.coerce.number().int().min(0).optional(),
});

const timestamp = z.string();

export const projectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  user_id: z.string(),
  template_id: z.uuid().nullable(),
  template_version: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: timestamp,
  updated_at: timestamp,
});
export type ProjectView = z.infer<typeof projectSchema>;

export const deploymentSchema = z.object({
  id: z.number().int(),
  // The CLI's DeploymentStatusInfo has an i32 here: one null fails its whole list (0 = no project).
  project_id: z.number().int(),
  user_id: z.string(),
  deployment_hash: z.string(),
  name: z.string().nullable(),
  status: z.string(),
  status_message: z.string().nullable(),
  server_ip: z.string().nullable(),
  template_id: z.uuid().nullable(),
  template_version: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: timestamp,
  updated_at: timestamp,
});
export type DeploymentView = z.infer<typeof deploymentSchema>;

export const createdDeploymentSchema = z.object({
  project: projectSchema,
  deployment: deploymentSchema,
});

export const installedTemplateSchema = z.object({
  project: projectSchema,
  template: templateSchema,
  latest_version: versionSchema.nullable(),
  deployment_id: z.number().int(),
  deployment_hash: z.string(),
});
