import { z } from 'zod';

// Bodies and wire views of project apps and their service secrets (projects.md, "Apps").

const opt = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v): z.output<T> | undefined => v ?? undefined);

export const appParams = z.object({ id: z.string().max(64), code: z.string().max(255) });
export const envVarParams = appParams.extend({ name: z.string().max(256) });
export const secretParams = appParams.extend({ name: z.string().min(1).max(256) });
export const deploymentHashQuery = z.object({ deployment_hash: z.string().max(256).optional() });

/** POST body: the JSON members are arbitrary and stored as sent (the CLI sends `ports` as `["8080:80"]`). */
export const upsertAppBody = z
  .object({
    code: z.string().max(255).optional(),
    app_code: z.string().max(255).optional(),
    name: opt(z.string().max(255)),
    image: z.string().max(1024),
    env: opt(z.unknown()),
    environment: opt(z.unknown()),
    ports: opt(z.unknown()),
    volumes: opt(z.unknown()),
    config_files: opt(z.unknown()),
    domain: opt(z.string().max(253)),
    ssl_enabled: opt(z.boolean()),
    resources: opt(z.unknown()),
    restart_policy: opt(z.string().max(64)),
    command: opt(z.string().max(4096)),
    entrypoint: opt(z.string().max(4096)),
    networks: opt(z.unknown()),
    depends_on: opt(z.unknown()),
    healthcheck: opt(z.unknown()),
    labels: opt(z.unknown()),
    enabled: opt(z.boolean()),
    deploy_order: opt(z.number().int().min(-2_147_483_648).max(2_147_483_647)),
    deployment_hash: opt(z.string().max(256)),
  })
  .refine((b) => b.code !== undefined || b.app_code !== undefined, {
    message: 'is required',
    path: ['code'],
  })
  .meta({
    examples: [{ code: 'website', name: 'website', image: 'nginx:1.27', ports: ['8080:80'], enabled: true }],
  });
export type UpsertAppInput = z.output<typeof upsertAppBody>;

export const updateEnvBody = z.object({ variables: z.unknown() });
export const updatePortsBody = z.object({
  ports: z
    .array(
      z.object({
        host: z.number().int().min(0).max(65_535),
        container: z.number().int().min(0).max(65_535),
        protocol: z.string().max(16).default('tcp'),
      }),
    )
    .max(200),
});
export const updateDomainBody = z.object({
  domain: z.string().max(253).nullish(),
  ssl_enabled: z.boolean().default(false),
});
export const secretValueBody = z.object({
  value: z
    .string()
    .min(1)
    .max(64 * 1024),
});

const configFileSchema = z.object({
  name: z.string(),
  content: z.string(),
  template_path: z.string().optional(),
  destination_path: z.string().optional(),
  file_mode: z.string().optional(),
  owner: z.string().optional(),
  group: z.string().optional(),
  is_ansible: z.boolean().optional(),
});

export const projectAppSchema = z
  .object({
    id: z.number().int(),
    project_id: z.number().int(),
    code: z.string(),
    name: z.string(),
    image: z.string(),
    environment: z.record(z.string(), z.unknown()),
    ports: z.unknown(),
    volumes: z.unknown(),
    domain: z.string().nullable(),
    ssl_enabled: z.boolean(),
    resources: z.unknown(),
    restart_policy: z.string(),
    command: z.string().nullable(),
    entrypoint: z.string().nullable(),
    networks: z.unknown(),
    depends_on: z.unknown(),
    healthcheck: z.unknown(),
    labels: z.unknown(),
    config_files: z.array(configFileSchema),
    compose: z.string().nullable(),
    template_source: z.string().nullable(),
    enabled: z.boolean(),
    deploy_order: z.number().int().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    parent_app_code: z.string().nullable(),
  })
  .meta({
    id: 'ProjectApp',
    description:
      'An app of a project; environment values whose key looks secret, and service secrets, are "[REDACTED]".',
  });
export type ProjectAppView = z.infer<typeof projectAppSchema>;

const envContractSchema = z.object({
  version: z.string(),
  order: z.string(),
  layers: z.array(
    z.object({
      name: z.string(),
      precedence: z.number().int(),
      appliesWhen: z.string(),
      description: z.string(),
    }),
  ),
});

export const appConfigSchema = z.object({
  project_id: z.number().int(),
  app_code: z.string(),
  environment: z.record(z.string(), z.unknown()),
  runtime_env_contract: envContractSchema,
  ports: z.unknown(),
  volumes: z.unknown(),
  domain: z.string().nullable(),
  ssl_enabled: z.boolean(),
  resources: z.unknown(),
  restart_policy: z.string(),
});

export const appEnvSchema = z.object({
  project_id: z.number().int(),
  app_code: z.string(),
  variables: z.record(z.string(), z.unknown()),
  runtime_env_contract: envContractSchema,
  count: z.number().int(),
  note: z.string(),
});

export const successSchema = z.object({ success: z.boolean(), message: z.string() });
export const envUpdatedSchema = successSchema.extend({ updated_at: z.string() });
export const portsUpdatedSchema = envUpdatedSchema.extend({ ports: z.unknown() });
export const domainUpdatedSchema = envUpdatedSchema.extend({
  domain: z.string().nullable(),
  ssl_enabled: z.boolean(),
});

export const secretMetaSchema = z
  .object({
    id: z.number().int(),
    scope: z.enum(['service', 'server']),
    name: z.string(),
    secure: z.literal(true),
    project_id: z.number().int().nullable(),
    app_code: z.string().nullable(),
    server_id: z.number().int().nullable(),
    updated_at: z.string(),
    updated_by: z.string(),
    source: z.literal('vault'),
  })
  .meta({ id: 'SecretMeta', description: 'A stored secret without its value (never returned).' });
export type SecretMetaView = z.infer<typeof secretMetaSchema>;

export const secretDeletedSchema = z.object({
  message: z.string(),
  meta: z.object({ deleted: z.literal(true), name: z.string(), scope: z.literal('service') }),
});
