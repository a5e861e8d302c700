import type { AppRow } from './apps-repository.js';
import type { ProjectAppView } from './apps-schemas.js';
import { redactEnvironment } from './environment.js';

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

/** The runtime environment layers the agent applies, lowest first (reads show them as they are). */
export const RUNTIME_ENV_CONTRACT = {
  version: 'v1',
  order: 'lowest_to_highest',
  layers: [
    {
      name: 'base',
      precedence: 1,
      appliesWhen: 'Always',
      description: 'App env and local authoring inputs provide the base runtime layer.',
    },
    {
      name: 'server',
      precedence: 2,
      appliesWhen: 'Only when inherit_server_secrets=true',
      description: 'Server-scope secrets overlay the base layer when the target opts in.',
    },
    {
      name: 'service',
      precedence: 3,
      appliesWhen: 'When remote service secrets exist for the selected service/app target',
      description: 'Service-scope secrets override lower layers for the selected target.',
    },
    {
      name: 'compose',
      precedence: 4,
      appliesWhen: 'When the compose service defines environment: keys',
      description: 'Compose environment keys win over env_file-derived layers at runtime.',
    },
  ],
};

type ConfigFile = ProjectAppView['config_files'][number];

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Stored config files as the view lists them: entries without a string name and content are skipped. */
function configFiles(stored: unknown): ConfigFile[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((file): ConfigFile[] => {
    if (!file || typeof file !== 'object') return [];
    const f = file as Record<string, unknown>;
    const name = str(f.name);
    const content = str(f.content);
    if (name === undefined || content === undefined) return [];
    const out: ConfigFile = { name, content };
    for (const key of ['template_path', 'destination_path', 'file_mode', 'owner', 'group'] as const) {
      const value = str(f[key]);
      if (value !== undefined) out[key] = value;
    }
    if (typeof f.is_ansible === 'boolean') out.is_ansible = f.is_ansible;
    return [out];
  });
}

/** The project's default network name, for apps that name none (upstream: `default_network` when listed). */
export function defaultNetworkOf(metadata: Record<string, unknown>): string | undefined {
  const custom = metadata.custom as { networks?: { name?: unknown }[] } | undefined;
  const networks = Array.isArray(custom?.networks) ? custom.networks : [];
  return networks.some((n) => n?.name === 'default_network') ? 'default_network' : undefined;
}

const orDefault = <T>(value: unknown, fallback: T): unknown =>
  value === null || value === undefined ? fallback : value;

/** The hydrated ProjectApp: environment redacted (secret-looking keys and every service secret's name). */
export function projectAppView(
  row: AppRow,
  context: { serviceSecretNames: string[]; defaultNetwork: string | undefined },
): ProjectAppView {
  const networks = Array.isArray(row.networks) && row.networks.length > 0 ? row.networks : [];
  return {
    id: row.id,
    project_id: row.project_id,
    code: row.code,
    name: row.name,
    image: row.image,
    environment: redactEnvironment(row.environment, context.serviceSecretNames),
    ports: orDefault(row.ports, []),
    volumes: orDefault(row.volumes, []),
    domain: row.domain,
    ssl_enabled: row.ssl_enabled,
    resources: orDefault(row.resources, {}),
    restart_policy: row.restart_policy,
    command: row.command,
    entrypoint: row.entrypoint,
    networks: networks.length === 0 && context.defaultNetwork ? [context.defaultNetwork] : networks,
    depends_on: orDefault(row.depends_on, []),
    healthcheck: orDefault(row.healthcheck, {}),
    labels: orDefault(row.labels, {}),
    config_files: configFiles(row.config_files),
    compose: null,
    template_source: row.template_source,
    enabled: row.enabled,
    deploy_order: row.deploy_order,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    parent_app_code: row.parent_app_code,
  };
}
