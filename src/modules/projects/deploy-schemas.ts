import { z } from 'zod';

// The deploy body (`forms::project::Deploy`, projects.md "Deploy"). `null` is "absent" everywhere but
// `server.ssh_port`, where absent means 22 and null means "keep"; unknown members (the CLI's `runtime`,
// `statuspanel_install_mode`) are dropped.

const opt = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v): z.output<T> | undefined => v ?? undefined);
const text = (max = 255) => opt(z.string().max(max));

export const deployCloud = z.object({
  provider: z.string().trim().min(2).max(50),
  name: text(),
  save_token: opt(z.boolean()),
  cloud_token: text(4096),
  cloud_key: text(4096),
  cloud_secret: text(4096),
});

export const deployServer = z.object({
  server_id: opt(z.number().int().min(1).max(2_147_483_647)),
  cloud_id: opt(z.number().int().min(1).max(2_147_483_647)),
  region: text(),
  zone: text(),
  server: text(),
  os: text(),
  disk_type: text(),
  srv_ip: text(),
  ssh_port: z.number().int().min(1).max(65_535).nullable().optional(),
  ssh_user: text(),
  name: text(),
  connection_mode: opt(z.enum(['ssh', 'password', 'status_panel'])),
  vault_key_path: text(1024),
  public_key: text(16 * 1024),
  ssh_private_key: text(16 * 1024),
});

const stackVar = z.object({ key: opt(z.string().max(255)), value: opt(z.unknown()) });

export const deployStack = z.object({
  stack_code: opt(z.string().min(2).max(255)),
  vars: opt(z.array(stackVar).max(500)),
  integrated_features: opt(z.array(z.unknown()).max(100)),
  extended_features: opt(z.array(z.unknown()).max(100)),
  subscriptions: opt(z.array(z.string().max(255)).max(100)),
  form_app: opt(z.array(z.string().max(255)).max(100)),
});

const configFile = z.object({
  name: text(),
  destination_path: text(4096),
  path: text(4096),
  content: z.string().max(1024 * 1024),
  file_mode: text(16),
  mode: text(16),
});

export const deployBody = z
  .object({
    cloud: deployCloud,
    server: deployServer,
    stack: deployStack,
    registry: opt(
      z.object({
        docker_username: text(),
        docker_password: text(4096),
        docker_registry: text(),
      }),
    ),
    environment: text(255),
    config_files: opt(z.array(configFile).max(200)),
    config_bundle: opt(z.record(z.string(), z.unknown())),
    public_ports: opt(z.array(z.string().max(32)).max(200)),
  })
  .meta({
    id: 'Deploy',
    description: 'Where and how to deploy a project: the cloud, the server, the stack options.',
    examples: [
      {
        cloud: { provider: 'htz', save_token: true, cloud_token: 'hcloud-token' },
        server: { region: 'nbg1', server: 'cpx11', os: 'docker-ce', name: 'website-a3f1' },
        stack: {
          stack_code: 'website',
          vars: [],
          integrated_features: [],
          extended_features: [],
          subscriptions: [],
        },
      },
    ],
  });
export type DeployInput = z.output<typeof deployBody>;

export const deployParams = z.object({ id: z.string().max(64) });
export const deployCloudParams = z.object({ id: z.string().max(64), cloud_id: z.string().max(64) });
export const rollbackBody = z.object({ version: z.string().min(1).max(255) });

export const deployReply = z
  .object({ message: z.string(), id: z.number().int(), meta: z.object({ deployment_id: z.number().int() }) })
  .meta({ examples: [{ message: 'Success', id: 7, meta: { deployment_id: 12 } }] });
