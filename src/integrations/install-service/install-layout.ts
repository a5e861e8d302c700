import { brotliCompressSync, constants as zlib } from 'node:zlib';

/*
 * The Install Service's existing start message (projects.md, "The Install Service message"): one flat
 * JSON object in a fixed key order, `name` twice (the cloud's, then the server's: readers keep the last),
 * the compose file brotli-compressed as an array of byte values. The outbox keeps the parts that carry
 * live secrets (credentials, keys, the compose and form with their environment values) sealed; the
 * payload an admin may see holds the rest, and the body is put together only to publish.
 */

export const FLAT_LAYOUT = 'install_service_flat';

/** [wire key, stored key, required]: a required key is `null` when absent, an optional one is left out. */
const KEYS: [string, string, boolean][] = [
  ['id', 'id', true],
  ['project_id', 'project_id', true],
  ['deployment_hash', 'deployment_hash', true],
  ['user_token', 'user_token', true],
  ['user_email', 'user_email', true],
  ['commonDomain', 'commonDomain', false],
  ['user_id', 'user_id', true],
  ['name', 'cloud_name', true],
  ['provider', 'provider', true],
  ['cloud_token', 'cloud_token', true],
  ['cloud_key', 'cloud_key', true],
  ['cloud_secret', 'cloud_secret', true],
  ['save_token', 'save_token', true],
  ['server_id', 'server_id', true],
  ['cloud_id', 'cloud_id', true],
  ['region', 'region', true],
  ['zone', 'zone', true],
  ['server', 'server', true],
  ['os', 'os', true],
  ['disk_type', 'disk_type', true],
  ['srv_ip', 'srv_ip', true],
  ['ssh_port', 'ssh_port', true],
  ['ssh_user', 'ssh_user', true],
  ['name', 'server_name', true],
  ['connection_mode', 'connection_mode', true],
  ['vault_key_path', 'vault_key_path', true],
  ['public_key', 'public_key', false],
  ['ssh_private_key', 'ssh_private_key', false],
  ['stack_code', 'stack_code', true],
  ['vars', 'vars', true],
  ['integrated_features', 'integrated_features', true],
  ['extended_features', 'extended_features', true],
  ['subscriptions', 'subscriptions', true],
  ['form_app', 'form_app', true],
  ['custom', 'custom', true],
  ['docker_compose', 'docker_compose', true],
  ['registry', 'registry', false],
  ['environment', 'environment', false],
  ['config_files', 'config_files', false],
  ['config_bundle', 'config_bundle', false],
  ['runtime_artifact_bundle', 'runtime_artifact_bundle', false],
];

/** The stored keys that stay sealed in the outbox. */
export const SECRET_KEYS = new Set([
  'cloud_token',
  'cloud_key',
  'cloud_secret',
  'ssh_private_key',
  'vars',
  'custom',
  'docker_compose',
  'registry',
  'environment',
  'config_files',
  'config_bundle',
  'runtime_artifact_bundle',
]);

/** Splits a message's stored values into the visible payload and the sealed part. */
export function splitFlatMessage(
  values: Record<string, unknown>,
  route: 'own' | 'tfa',
): { payload: Record<string, unknown>; secrets: Record<string, unknown> } {
  const payload: Record<string, unknown> = { layout: FLAT_LAYOUT, route };
  const secrets: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    (SECRET_KEYS.has(key) ? secrets : payload)[key] = value;
  }
  return { payload, secrets };
}

export const isFlatLayout = (payload: Record<string, unknown>) => payload.layout === FLAT_LAYOUT;

/** The body as published: written by hand because `name` appears twice, which no JS object can hold. */
export function flatMessageText(
  payload: Record<string, unknown>,
  secrets: Record<string, unknown> | undefined,
) {
  const parts: string[] = [];
  for (const [wire, stored, required] of KEYS) {
    const value = secrets && stored in secrets ? secrets[stored] : payload[stored];
    if (value === undefined && !required) continue;
    parts.push(`${JSON.stringify(wire)}:${JSON.stringify(value ?? null)}`);
  }
  return `{${parts.join(',')}}`;
}

/** Brotli at quality 11, window 22 (what the consumer's decompressor expects), as byte values. */
export function compressCompose(yaml: string): number[] {
  const compressed = brotliCompressSync(Buffer.from(yaml, 'utf8'), {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_LGWIN]: 22 },
  });
  return Array.from(compressed);
}

/** Hetzner datacenters named where a location is meant become the location. */
const HETZNER_LOCATIONS: Record<string, string> = {
  'nbg1-dc3': 'nbg1',
  'fsn1-dc14': 'fsn1',
  'hel1-dc2': 'hel1',
  'ash-dc1': 'ash',
  'hil-dc1': 'hil',
};
export function installerRegion(provider: string, region: string | null): string | null {
  if (region === null || !['htz', 'hetzner'].includes(provider)) return region;
  return HETZNER_LOCATIONS[region] ?? region;
}

/** `own` when the server already has an address or the provider says own; else the Install Service provisions. */
export function flatRoute(provider: string, srvIp: string | null): 'own' | 'tfa' {
  if (srvIp !== null && srvIp.trim() !== '') return 'own';
  return provider.includes('own') ? 'own' : 'tfa';
}
