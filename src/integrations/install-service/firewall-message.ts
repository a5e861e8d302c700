import { isIP } from 'node:net';

/*
 * The cloud firewall message (projects.md, "Firewall message"; clouds-servers.md): what Stacker publishes
 * on `install.firewall.htz.v1` for the Install Service to apply at the provider. Stacker itself calls no
 * provider, so this is the whole of a firewall change from Stacker's side. The credentials are the only
 * secret part: they travel in the outbox's sealed half and join the body just before publishing.
 */

export const FIREWALL_PROTOCOL_VERSION = 'stacker.cloud_firewall.v1';
export const FIREWALL_PROVIDER = 'htz';
export const FIREWALL_ROUTING_KEY = 'install.firewall.htz.v1';

/** Upstream's spellings of Hetzner; the firewall is only offered there. */
const HETZNER = new Set(['htz', 'hetzner', 'hetzner_cloud', 'hcloud']);
export const isHetzner = (provider: string) => HETZNER.has(provider.trim().toLowerCase());

export type FirewallAction = 'add' | 'remove';

export interface PortRule {
  port: number;
  protocol: 'tcp' | 'udp';
  source: string;
  comment?: string | undefined;
}

export interface CloudFirewallRule {
  direction: 'inbound' | 'outbound';
  port: number;
  protocol: string;
  source: string;
  comment?: string;
  managed_by: 'stacker';
  managed_scope: string;
  labels: Record<string, string>;
}

/** `a.b.c.d/n` or `v6/n`, the only source shape the Install Service accepts. */
export function isCidr(source: string): boolean {
  const [address = '', prefix, ...rest] = source.split('/');
  const version = isIP(address);
  if (version === 0 || prefix === undefined || rest.length > 0 || !/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Rules as the Install Service reads them: public and private ports are both inbound. */
export function firewallRules(serverId: number, operationId: string, rules: PortRule[]): CloudFirewallRule[] {
  return rules.map((rule) => ({
    direction: 'inbound',
    port: rule.port,
    protocol: rule.protocol,
    source: rule.source,
    ...(rule.comment !== undefined ? { comment: rule.comment } : {}),
    managed_by: 'stacker',
    managed_scope: `server:${serverId}`,
    labels: { 'stacker.operation_id': operationId, 'stacker.server_id': String(serverId) },
  }));
}

/** Lets the Install Service drop a repeated operation: the same server, action and rule set. */
export function firewallIdempotencyKey(serverId: number, action: string, rules: CloudFirewallRule[]): string {
  const parts = rules
    .map((r) => `${r.direction}:${r.protocol}:${r.port}:${r.source}:${r.managed_scope}`)
    .sort();
  return `server:${serverId}:${action}:${parts.join('|')}`;
}

/** `8000`, `8000/tcp` or `53/udp` (a deployment's `public_ports`) → a rule open to everyone. */
export function parsePublicPort(text: string): PortRule | undefined {
  const match = /^(\d{1,5})(?:\/(tcp|udp))?$/.exec(text.trim());
  const port = Number(match?.[1]);
  if (!match || port < 1 || port > 65_535) return undefined;
  return { port, protocol: (match[2] as 'tcp' | 'udp' | undefined) ?? 'tcp', source: '0.0.0.0/0' };
}

export const defaultFirewallName = (server: { id: number; name: string | null; server: string | null }) =>
  server.name || server.server ? `frw-${server.name || server.server}` : `frw-server-${server.id}`;

export interface FirewallMessageInput {
  operationId: string;
  action: FirewallAction;
  dryRun: boolean;
  server: {
    id: number;
    projectId: number;
    cloudId: number;
    srvIp: string;
    name: string | null;
    server: string | null;
    region: string | null;
    zone: string | null;
  };
  deploymentHash?: string;
  rules: CloudFirewallRule[];
  requestedBy: { userId: string; userEmail?: string | null };
}

/** The message without `credentials` (the outbox `payload`, safe to show an admin). */
export function firewallMessagePayload(input: FirewallMessageInput): Record<string, unknown> {
  const { server } = input;
  const firewallName = defaultFirewallName(server);
  return {
    protocol_version: FIREWALL_PROTOCOL_VERSION,
    operation_id: input.operationId,
    idempotency_key: firewallIdempotencyKey(server.id, input.action, input.rules),
    action: input.action,
    dry_run: input.dryRun,
    target: {
      provider: FIREWALL_PROVIDER,
      cloud_id: server.cloudId,
      server_id: server.id,
      project_id: server.projectId,
      ...(input.deploymentHash ? { deployment_hash: input.deploymentHash } : {}),
      server_public_ip: server.srvIp,
      ...(server.name || server.server ? { server_name: server.name || server.server } : {}),
      ...(server.region ? { region: server.region } : {}),
      ...(server.zone ? { zone: server.zone } : {}),
      firewall_name: firewallName,
    },
    rules: input.rules,
    provider_context: {},
    requested_by: {
      user_id: input.requestedBy.userId,
      ...(input.requestedBy.userEmail ? { user_email: input.requestedBy.userEmail } : {}),
    },
  };
}

/** The sealed half: `{credentials}`; blank values are left out, as the Install Service expects. */
export function firewallCredentials(cloud: {
  token: string | null;
  key: string | null;
  secret: string | null;
}): Record<string, unknown> {
  const present = (value: string | null) => (value && value.trim() !== '' ? value : undefined);
  const credentials: Record<string, string> = { provider: FIREWALL_PROVIDER };
  for (const [name, value] of [
    ['token', present(cloud.token)],
    ['key', present(cloud.key)],
    ['secret', present(cloud.secret)],
  ] as const) {
    if (value !== undefined) credentials[name] = value;
  }
  return { credentials };
}

/** The body published: the payload with `credentials` put back where the layout has them. */
export function firewallMessageBody(
  payload: Record<string, unknown>,
  secrets: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const { provider_context, requested_by, ...head } = payload;
  return {
    ...head,
    credentials: secrets?.credentials ?? { provider: FIREWALL_PROVIDER },
    provider_context,
    requested_by,
  };
}
