import { z } from 'zod';

/*
 * The ProjectForm (projects.md): the Stack Builder's and the CLI's description of a stack. The parsed
 * form is what `metadata` stores: members this schema does not name are dropped (the raw body keeps
 * them in `request_json`), `null` means absent (serde's `Option`), and `environment` is stored in one
 * shape (a list of `{key, value}`) whether it came as a list or a map.
 */

/** An optional member: `null` and absent are the same. */
const opt = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v): z.output<T> | undefined => v ?? undefined);

const text = (min: number, max: number) => z.string().min(min).max(max);
const digits = /^\d{2,6}$/;
const size = /^[0-9]*\.?[0-9]+Gb?$/;

export const portForm = z.object({
  host_port: opt(
    z.string().refine((v) => v === '' || digits.test(v), 'must be 2 to 6 digits, or empty (not published)'),
  ),
  // Upstream checks 2..6 digits; compose generation also splits `a:b`, `ip:a:b` and `…/proto` forms
  // that older rows hold, so only the generator decides about them.
  container_port: z.string().regex(digits, 'must be 2 to 6 digits'),
  protocol: opt(z.enum(['tcp', 'udp'])),
});
export type PortForm = z.output<typeof portForm>;

export const volumeForm = z.object({
  host_path: opt(z.string().max(4096)),
  container_path: opt(z.string().max(4096)),
});
export type VolumeForm = z.output<typeof volumeForm>;

const envVar = z.object({ key: z.string().max(256), value: z.string().max(32 * 1024) });
export type EnvVar = z.output<typeof envVar>;

/** A list of `{key, value}` or a map; a map's non-string values become their JSON text (upstream). */
const environmentForm = z
  .union([
    z.array(envVar).max(1000),
    z.record(z.string().max(256), z.unknown()).refine((m) => Object.keys(m).length <= 1000, 'too many keys'),
  ])
  .transform((env): EnvVar[] =>
    Array.isArray(env)
      ? env
      : Object.entries(env).map(([key, value]) => ({
          key,
          value: typeof value === 'string' ? value : JSON.stringify(value),
        })),
  );

export const appForm = z.object({
  _id: z.string().max(255),
  _etag: opt(text(3, 255)),
  _created: opt(z.string().max(64)),
  _updated: opt(z.string().max(64)),
  name: text(3, 50),
  code: text(3, 50),
  type: text(3, 50),
  role: opt(z.array(z.string().max(255)).max(100)),
  default: opt(z.boolean()),
  versions: opt(z.array(z.unknown()).max(100)),
  custom: opt(z.boolean()),
  dockerhub_user: opt(z.string().max(50)),
  dockerhub_name: opt(z.string().max(50)),
  dockerhub_image: opt(z.string().max(100)),
  dockerhub_password: opt(z.string().max(1024)),
  dockerhub_tag: opt(z.string().max(128)),
  cpu: opt(
    z
      .string()
      .min(1)
      .max(10)
      .regex(/^[0-9]*\.?[0-9]+$/, 'must be a number'),
  ),
  disk_size: opt(z.string().min(1).max(10).regex(size, 'must be a size such as 10Gb')),
  ram_size: opt(z.string().min(1).max(10).regex(size, 'must be a size such as 2Gb')),
  popularity: opt(z.number().int().min(1)),
  commercial: opt(z.boolean()),
  subscription: opt(z.unknown()),
  autodeploy: opt(z.boolean()),
  suggested: opt(z.boolean()),
  dependency: opt(z.unknown()),
  avoid_render: opt(z.boolean()),
  price: opt(z.unknown()),
  icon: opt(z.unknown()),
  domain: opt(z.string().max(253)),
  category_id: opt(z.number().int().min(0)),
  parent_app_id: opt(z.number().int().min(0)),
  descr: opt(z.string().max(10_000)),
  full_description: opt(z.string().max(100_000)),
  description: opt(z.string().max(10_000)),
  plan_type: opt(z.string().max(255)),
  ansible_var: opt(z.string().max(255)),
  repo_dir: opt(z.string().max(1024)),
  url_app: opt(z.string().max(2048)),
  url_git: opt(z.string().max(2048)),
  restart: z.enum(['always', 'no', 'unless-stopped', 'on-failure']),
  command: opt(z.string().max(4096)),
  entrypoint: opt(z.string().max(4096)),
  volumes: opt(z.array(volumeForm).max(200)),
  environment: opt(environmentForm),
  network: opt(z.array(z.string().max(255)).max(50)),
  shared_ports: opt(z.array(portForm).max(200)),
});
export type AppForm = z.output<typeof appForm>;

export const networkForm = z.object({
  id: z.string().max(255),
  name: z.string().max(255),
  driver: opt(z.string().max(255)),
  attachable: opt(z.boolean()),
  enable_ipv6: opt(z.boolean()),
  internal: opt(z.boolean()),
  external: opt(z.boolean()),
  driver_opts: opt(z.unknown()),
  ipam: opt(z.unknown()),
  labels: opt(z.unknown()),
});
export type NetworkForm = z.output<typeof networkForm>;

const apps = z.array(appForm).max(200);

export const customForm = z.object({
  custom_stack_code: text(3, 50),
  web: apps,
  service: opt(apps),
  feature: opt(apps),
  networks: opt(z.array(networkForm).max(50)),
  project_name: opt(z.string().max(255)),
  project_git_url: opt(text(3, 255)),
  project_overview: opt(z.string().max(100_000)),
  project_description: opt(z.string().max(100_000)),
  custom_stack_category: opt(z.array(z.string().max(255)).max(100)),
  custom_stack_short_description: opt(z.string().max(10_000)),
  custom_stack_description: opt(z.string().max(100_000)),
  marketplace_version: opt(z.string().max(255)),
  marketplace_changelog: opt(z.string().max(100_000)),
  marketplace_update_mode_capabilities: opt(z.unknown()),
  marketplace_config_files: opt(z.unknown()),
  marketplace_assets: opt(z.unknown()),
  marketplace_seed_jobs: opt(z.unknown()),
  marketplace_post_deploy_hooks: opt(z.unknown()),
  deployment_artifacts: opt(z.unknown()),
  catalog_application: opt(z.unknown()),
  install_inputs: opt(z.unknown()),
});
export type CustomForm = z.output<typeof customForm>;

export const projectForm = z.object({ custom: customForm }).meta({
  id: 'ProjectForm',
  description: "The Stack Builder's and the CLI's stack: `custom` with its apps",
});
export type ProjectForm = z.output<typeof projectForm>;

/** Every app of the form in order web, service, feature (the order compose and sync use). */
export function formApps(custom: CustomForm): AppForm[] {
  return [...custom.web, ...(custom.service ?? []), ...(custom.feature ?? [])];
}

/**
 * The stored form: the parsed value as JSON (absent members left out). Used for `metadata`, so
 * compose generation and deploy read back exactly what was validated.
 */
export function normalizedForm(form: ProjectForm): Record<string, unknown> {
  return JSON.parse(JSON.stringify(form)) as Record<string, unknown>;
}

/** Reads a stored `metadata` back as a form; `undefined` when it no longer is one (rows of other origins). */
export function readStoredForm(metadata: unknown): ProjectForm | undefined {
  const parsed = projectForm.safeParse(metadata);
  return parsed.success ? parsed.data : undefined;
}
