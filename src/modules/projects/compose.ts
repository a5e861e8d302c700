import { stringify } from 'yaml';
import { appsByCode, imageOf, networkNames } from './app-rows.js';
import type { AppForm, CustomForm, PortForm, VolumeForm } from './form.js';

/*
 * The docker-compose file of a project (projects.md, "GET /project/{id}/compose"), built from the form
 * only (never from app rows), written by the `yaml` library so quoting and escaping are its business.
 * Long forms for ports and volumes, as the contract fixes them.
 */

export class ComposeError extends Error {
  override name = 'ComposeError';
}

interface ComposePort {
  target: number;
  published?: number;
  host_ip?: string;
  protocol?: string;
}

interface ComposeVolume {
  type: 'volume' | 'bind';
  source?: string;
  target: string;
  read_only: boolean;
}

const U16 = /^\d{1,5}$/;
const asPort = (text: string | undefined): number | undefined => {
  if (text === undefined || !U16.test(text)) return undefined;
  const n = Number(text);
  return n <= 65_535 ? n : undefined;
};

/**
 * `container_port` may carry a whole mapping (`a:b`, `ip:a:b`, `…/proto`, as older rows do): it is split
 * first; a `host_port` that is not a number is then the host IP.
 */
export function composePort(port: PortForm): ComposePort {
  const [withoutProto = ''] = port.container_port.split('/');
  let hostIp: string | undefined;
  let hostPort = port.host_port;
  let container = withoutProto;
  const at = withoutProto.lastIndexOf(':');
  if (at >= 0) {
    const hostPart = withoutProto.slice(0, at);
    container = withoutProto.slice(at + 1);
    const ipAt = hostPart.lastIndexOf(':');
    if (ipAt >= 0) {
      hostIp = hostPart.slice(0, ipAt);
      hostPort = hostPart.slice(ipAt + 1);
    } else {
      if (port.host_port !== undefined && asPort(port.host_port) === undefined && port.host_port !== '') {
        hostIp = port.host_port;
      }
      hostPort = hostPart;
    }
  }
  const target = asPort(container);
  if (target === undefined) throw new ComposeError(`Could not parse container port '${port.container_port}'`);
  const published = asPort(hostPort);
  return {
    target,
    ...(published !== undefined ? { published } : {}),
    ...(hostIp ? { host_ip: hostIp } : {}),
    ...(port.protocol ? { protocol: port.protocol } : {}),
  };
}

/** A named volume: a non-empty `host_path` with no `/` that starts with neither `.` nor `~`. */
export const isNamedVolume = (v: VolumeForm): boolean => {
  const p = v.host_path ?? '';
  return p !== '' && !p.includes('/') && !p.startsWith('.') && !p.startsWith('~');
};

export function composeVolume(v: VolumeForm): ComposeVolume {
  const raw = v.container_path ?? '';
  const readOnly = raw.endsWith(':ro');
  const target = readOnly || raw.endsWith(':rw') ? raw.slice(0, -3) : raw;
  return {
    type: isNamedVolume(v) ? 'volume' : 'bind',
    ...(v.host_path !== undefined ? { source: v.host_path } : {}),
    target,
    read_only: readOnly,
  };
}

function service(app: AppForm, custom: CustomForm): Record<string, unknown> {
  const out: Record<string, unknown> = { image: imageOf(app), restart: app.restart };
  if (app.command?.trim()) out.command = app.command;
  if (app.entrypoint?.trim()) out.entrypoint = app.entrypoint;
  const env = app.environment ?? [];
  if (env.length > 0) out.environment = Object.fromEntries(env.map((e) => [e.key, e.value]));
  const ports = (app.shared_ports ?? []).map(composePort);
  if (ports.length > 0) out.ports = ports;
  const volumes = (app.volumes ?? []).map(composeVolume);
  if (volumes.length > 0) out.volumes = volumes;
  const networks = networkNames(app, custom.networks ?? []);
  if (networks.length > 0) out.networks = networks;
  return out;
}

function topLevelNetworks(custom: CustomForm): Record<string, unknown> | undefined {
  const networks = custom.networks ?? [];
  if (networks.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const n of networks) {
    // The CLI's one network is `default_network`: its compose joins a network that already exists.
    const external = n.name === 'default_network' || (n.external ?? false);
    // An external network is not created, so how to create it is not said: `docker-compose config`
    // refuses an external network with anything beyond name, driver and external.
    out[n.name] = external
      ? { name: n.name, ...(n.driver ? { driver: n.driver } : {}), external: true }
      : {
          name: n.name,
          ...(n.driver ? { driver: n.driver } : {}),
          attachable: n.attachable ?? false,
          enable_ipv6: n.enable_ipv6 ?? false,
          internal: n.internal ?? false,
          external: false,
        };
  }
  return out;
}

function topLevelVolumes(apps: AppForm[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const app of apps) {
    for (const v of app.volumes ?? []) if (isNamedVolume(v)) out[v.host_path!] = { name: v.host_path };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The compose object (for tests and the install message) and its YAML text. */
export function composeObject(custom: CustomForm): Record<string, unknown> {
  const apps = appsByCode(custom);
  const services: Record<string, unknown> = {};
  for (const app of apps) services[app.code] = service(app, custom);
  const networks = topLevelNetworks(custom);
  const volumes = topLevelVolumes(apps);
  return {
    version: '3.8',
    services,
    ...(networks ? { networks } : {}),
    ...(volumes ? { volumes } : {}),
  };
}

export function composeYaml(custom: CustomForm): string {
  // YAML 1.1 quoting: docker-compose reads with a YAML 1.1 parser, where an unquoted `yes`, `on` or `1:30`
  // is a boolean or a number, not the string the form holds.
  return stringify(composeObject(custom), { lineWidth: 0, version: '1.1' });
}
