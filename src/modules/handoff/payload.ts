import type { HandoffSource } from './repository.js';

/*
 * The HandoffPayload the CLI saves on `stacker connect --handoff` (deployment-lifecycle.md). The CLI
 * reads it with serde: optional members are left out, never null, except inside `lockfile` where its
 * DeploymentLock has Options. `credentials` is the minting caller's own bearer: a live credential.
 */

export interface Credentials {
  access_token: string;
  token_type: 'Bearer';
  expires_at: string;
  email?: string;
  server_url?: string;
}

export interface HandoffPayload {
  kind: 'deployment' | 'account';
  version: 1;
  expires_at: string;
  project: { id: number; name: string; identity?: string };
  deployment: { id: number; hash: string; target: string; status: string };
  server?: { ip?: string; ssh_user?: string; ssh_port?: number; name?: string };
  cloud?: { id: number; provider?: string; region?: string };
  lockfile: Record<string, unknown>;
  stacker_yml?: string;
  agent?: { base_url: string; deployment_hash: string };
  credentials?: Credentials;
}

const defined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

/** `expires_at` of the bearer: its JWT `exp` when it decodes, else the handoff's own expiry. */
export function bearerExpiry(token: string, fallback: Date): string {
  const part = token.split('.')[1];
  if (part !== undefined) {
    try {
      const exp = (JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
      if (typeof exp === 'number' && Number.isFinite(exp)) return new Date(exp * 1000).toISOString();
    } catch {
      // Not a JWT: the handoff's expiry stands in.
    }
  }
  return fallback.toISOString();
}

const yamlString = (v: string) => JSON.stringify(v);

function stackerYml(
  name: string,
  identity: string,
  target: string,
  hash: string,
  server: HandoffPayload['server'],
) {
  const lines = [`name: ${yamlString(name)}`, 'project:', `  identity: ${yamlString(identity)}`, 'deploy:'];
  lines.push(`  target: ${target}`, `  deployment_hash: ${yamlString(hash)}`);
  if (target === 'server' && server?.ip) {
    lines.push(
      '  server:',
      `    host: ${yamlString(server.ip)}`,
      `    user: ${yamlString(server.ssh_user ?? 'root')}`,
    );
    lines.push(`    port: ${server.ssh_port ?? 22}`);
  } else if (target === 'cloud' && server?.name) {
    lines.push('  cloud:', `    server: ${yamlString(server.name)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function deploymentPayload(
  source: HandoffSource,
  expiresAt: Date,
  credentials: Credentials | undefined,
  email: string | undefined,
): HandoffPayload {
  const metadata = (source.project_metadata ?? {}) as Record<string, unknown>;
  const name = source.project_name ?? '';
  const identity =
    typeof metadata.identity === 'string' && metadata.identity !== '' ? metadata.identity : name;
  const target = source.server_id === null ? 'local' : source.cloud_id !== null ? 'cloud' : 'server';
  const ip = source.srv_ip ?? source.deployment_ip ?? undefined;
  const remote = target !== 'local';
  const server =
    source.server_id === null
      ? undefined
      : defined({
          ip,
          ssh_user: source.ssh_user ?? (remote ? 'root' : undefined),
          ssh_port: source.ssh_port ?? (remote ? 22 : undefined),
          name: source.server_name ?? undefined,
        });
  const cloud =
    source.cloud_id === null
      ? undefined
      : defined({
          id: source.cloud_id,
          provider: source.provider ?? undefined,
          region: source.region ?? undefined,
        });
  return {
    kind: 'deployment',
    version: 1,
    expires_at: expiresAt.toISOString(),
    project: defined({ id: source.project_id ?? 0, name, identity }),
    deployment: { id: source.id, hash: source.deployment_hash, target, status: source.status },
    ...(server ? { server } : {}),
    ...(cloud ? { cloud } : {}),
    lockfile: {
      target,
      server_ip: ip ?? null,
      ssh_user: server?.ssh_user ?? null,
      ssh_port: server?.ssh_port ?? null,
      ssh_key: null,
      server_name: server?.name ?? null,
      deployment_id: source.id,
      project_id: source.project_id,
      cloud_id: source.cloud_id,
      project_name: name,
      stacker_email: email ?? null,
      deployed_at: source.updated_at.toISOString(),
    },
    stacker_yml: stackerYml(name, identity, target, source.deployment_hash, server),
    ...(ip ? { agent: { base_url: `http://${ip}:8080`, deployment_hash: source.deployment_hash } } : {}),
    ...(credentials ? { credentials } : {}),
  };
}

export function accountPayload(
  email: string,
  expiresAt: Date,
  credentials: Credentials | undefined,
): HandoffPayload {
  return {
    kind: 'account',
    version: 1,
    expires_at: expiresAt.toISOString(),
    project: { id: 0, name: email, identity: email },
    deployment: { id: 0, hash: '', target: 'account', status: 'ready' },
    lockfile: {},
    ...(credentials ? { credentials } : {}),
  };
}
