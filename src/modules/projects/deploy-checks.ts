import { AppError, badRequest } from '../../infra/http/errors.js';
import { parsePublicPort } from '../../integrations/install-service/firewall-message.js';
import type { DeployInput } from './deploy-schemas.js';
import type { CustomForm } from './form.js';

// The pure checks and shapings of a deploy (projects.md, "Processing"): they run before anything is
// written, so a refused deploy — which the CLI sends twice — changes nothing.

export const noCloudConfigured = () => new AppError(404, 'cloud_not_found', 'No cloud configured');
export const serverNotFound = () => new AppError(404, 'server_not_found', 'Server not found');

export function checkInstanceConfig(provider: string, server: DeployInput['server']): void {
  if (provider === 'own') return;
  const missing = (['region', 'server', 'os'] as const).filter((k) => !server[k]?.trim());
  if (missing.length === 0) return;
  throw badRequest(
    'instance_config_incomplete',
    `Instance configuration incomplete. Missing: ${missing.join(', ')}. Select datacenter, hardware, and OS before deploying.`,
    missing.map((k) => ({ path: `body.server.${k}`, message: 'is required' })),
  );
}

export function checkLockedProvider(requestJson: unknown, provider: string): void {
  const locked = (requestJson as { custom?: { locked_cloud_provider?: unknown } } | null)?.custom
    ?.locked_cloud_provider;
  if (typeof locked !== 'string' || locked.trim() === '' || locked.trim() === provider) return;
  throw badRequest(
    'cloud_provider_locked',
    `This project can only be deployed to the '${locked.trim()}' cloud provider.`,
    [{ path: 'body.cloud.provider', message: `must be ${locked.trim()}` }],
  );
}

export interface Credentials {
  token: string | null;
  key: string | null;
  secret: string | null;
}

export const hasCredentials = (c: Credentials) => Boolean(c.token || (c.key && c.secret));

export function requireCredentials(c: Credentials): void {
  if (hasCredentials(c)) return;
  throw badRequest(
    'cloud_credentials_missing',
    'Cloud credentials are missing: send a cloud_token (or cloud_key and cloud_secret), or the name of a saved cloud.',
    [{ path: 'body.cloud.cloud_token', message: 'is required' }],
  );
}

/**
 * `public_ports` as `port/proto`, merged with every host-published port of the stack, de-duplicated in
 * first-seen order. 400 names the ports that are not ports.
 */
export function normalizedPublicPorts(requested: string[] | undefined, custom: CustomForm): string[] {
  const bad: string[] = [];
  const out = new Set<string>();
  for (const text of requested ?? []) {
    const rule = parsePublicPort(text);
    if (rule === undefined) bad.push(text);
    else out.add(`${rule.port}/${rule.protocol}`);
  }
  if (bad.length > 0) {
    throw badRequest('invalid_public_ports', `Invalid public_ports: ${bad.join(', ')}`, [
      { path: 'body.public_ports', message: 'each must be a port, port/tcp or port/udp' },
    ]);
  }
  const apps = [...custom.web, ...(custom.service ?? []), ...(custom.feature ?? [])];
  for (const app of apps) {
    for (const port of app.shared_ports ?? []) {
      const rule = port.host_port ? parsePublicPort(port.host_port) : undefined;
      if (rule) out.add(`${rule.port}/${port.protocol ?? 'tcp'}`);
    }
  }
  return [...out];
}

const COMPOSE_NAMES = new Set([
  'compose',
  'compose.yml',
  'compose.yaml',
  'docker-compose',
  'docker-compose.yml',
  'docker-compose.yaml',
]);

/** A `config_files` entry named like a compose file replaces the generated one; the others ship as files. */
export function splitConfigFiles(files: DeployInput['config_files']): {
  compose: string | undefined;
  others: { path: string; content: string; mode?: string }[];
} {
  let compose: string | undefined;
  const others: { path: string; content: string; mode?: string }[] = [];
  for (const file of files ?? []) {
    const path = file.destination_path ?? file.path ?? file.name ?? '';
    const base = (file.name ?? path.split('/').pop() ?? '').toLowerCase();
    if (COMPOSE_NAMES.has(base)) {
      compose = file.content;
      continue;
    }
    const mode = file.file_mode ?? file.mode;
    others.push({ path, content: file.content, ...(mode ? { mode } : {}) });
  }
  return { compose, others };
}

/** A var of the stack by key (`commonDomain`), when it is a string. */
export function stackVar(vars: DeployInput['stack']['vars'], key: string): string | undefined {
  const found = (vars ?? []).find((v) => v.key === key)?.value;
  return typeof found === 'string' ? found : undefined;
}
