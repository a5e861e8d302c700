import { type AppForm, type CustomForm, formApps, type NetworkForm } from './form.js';

/*
 * The project-level app rows a form stands for (projects.md, "App sync on POST/PUT"): one per app code
 * in order web, service, feature, a repeated code keeping its first position and its last definition,
 * the platform's own apps (the proxy and the status panel, installed by their own roles) left out.
 */

const PLATFORM_MANAGED_CODES = new Set(['nginx_proxy_manager', 'statuspanel']);

/** `Nginx-Proxy__Manager` and `nginx_proxy_manager` are one code: lower-cased, `-`/`_` runs folded. */
export function normalizeAppCode(code: string): string {
  return code
    .trim()
    .replace(/^\/+/, '')
    .toLowerCase()
    .split(/[-_]/)
    .filter((part) => part !== '')
    .join('_');
}

export const isPlatformManagedCode = (code: string) => PLATFORM_MANAGED_CODES.has(normalizeAppCode(code));

/**
 * The image string of an app: `[user/]` + (`dockerhub_name`, else `dockerhub_image`) + a suffix —
 * none when that part already names a tag or digest, else `:tag` when one is set, else `:latest` only
 * when `dockerhub_image` is empty (an image given whole is taken as written).
 */
export function imageOf(
  app: Pick<AppForm, 'dockerhub_user' | 'dockerhub_name' | 'dockerhub_image' | 'dockerhub_tag'>,
) {
  const image = app.dockerhub_image ?? '';
  const user = app.dockerhub_user ?? '';
  const name = app.dockerhub_name ?? '';
  const tag = app.dockerhub_tag ?? '';
  const body = name !== '' ? name : image;
  let suffix = '';
  if (!body.includes(':') && !body.includes('@')) {
    if (tag !== '') suffix = `:${tag}`;
    else if (image === '') suffix = ':latest';
  }
  return `${user !== '' ? `${user}/` : ''}${body}${suffix}`;
}

/** A network id of an app → that network's name; an unknown id is `""` (upstream). */
export function networkNames(app: AppForm, networks: NetworkForm[]): string[] {
  return (app.network ?? []).map((id) => networks.find((n) => n.id === id)?.name ?? '');
}

/** The form's apps by code: first position, last definition (an object keeps insertion order). */
export function appsByCode(custom: CustomForm): AppForm[] {
  const byCode = new Map<string, AppForm>();
  for (const app of formApps(custom)) byCode.set(app.code, app);
  return [...byCode.values()];
}

export interface ProjectLevelApp {
  code: string;
  name: string;
  image: string;
  environment: Record<string, string>;
  ports: unknown[];
  volumes: unknown[];
  domain: string | null;
  restartPolicy: string;
  command: string | null;
  entrypoint: string | null;
  networks: string[];
  deployOrder: number;
}

const nonEmpty = (v: string | undefined): string | null => {
  const trimmed = v?.trim();
  return trimmed ? trimmed : null;
};

export function projectLevelApps(custom: CustomForm): ProjectLevelApp[] {
  const networks = custom.networks ?? [];
  const rows = new Map<string, ProjectLevelApp>();
  let order = 0;
  for (const app of formApps(custom)) {
    if (isPlatformManagedCode(app.code)) continue;
    order += 1;
    const environment: Record<string, string> = {};
    for (const { key, value } of app.environment ?? []) if (key.trim() !== '') environment[key] = value;
    rows.set(app.code, {
      code: app.code,
      name: app.name,
      image: imageOf(app),
      environment,
      ports: app.shared_ports ?? [],
      volumes: app.volumes ?? [],
      domain: nonEmpty(app.domain),
      restartPolicy: nonEmpty(app.restart) ?? 'unless-stopped',
      command: nonEmpty(app.command),
      entrypoint: nonEmpty(app.entrypoint),
      networks: networkNames(app, networks).filter((n) => n.trim() !== ''),
      // A repeated code is one row: upstream numbers every occurrence, the row keeps the last number.
      deployOrder: order,
    });
  }
  return [...rows.values()];
}
