import type { AuthUser } from '../../auth/principal.js';
import { AppError } from '../../infra/http/errors.js';
import { RUNTIME_ENV_CONTRACT } from './app-view.js';
import { type AppRow, lockAppByCode, patchApp } from './apps-repository.js';
import { appNotFound, ensureNoSecretKeys, requireApp } from './apps-service.js';
import { environmentObject, redactEnvironment } from './environment.js';
import { listServiceSecrets } from './secrets-repository.js';
import { type ProjectDeps, requireProject } from './service.js';

// The UI's and MCP's per-app settings (config, env, ports, domain). None enqueues an agent command:
// changes take effect on the next restart.

const NEXT_RESTART = 'Changes will take effect on next restart.';
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

async function secretNames(deps: ProjectDeps, user: AuthUser, projectId: number, appCode: string) {
  return (await listServiceSecrets(deps.db, { userId: user.id, projectId, appCode })).map((s) => s.name);
}

export async function getAppConfig(deps: ProjectDeps, user: AuthUser, idText: string, code: string) {
  const { project, app } = await requireApp(deps, user, idText, code);
  return {
    project_id: project.id,
    app_code: code,
    environment: redactEnvironment(app.environment, await secretNames(deps, user, project.id, code)),
    runtime_env_contract: RUNTIME_ENV_CONTRACT,
    ports: app.ports ?? [],
    volumes: app.volumes ?? [],
    domain: app.domain,
    ssl_enabled: app.ssl_enabled,
    resources: app.resources ?? {},
    restart_policy: app.restart_policy,
  };
}

export async function getAppEnv(deps: ProjectDeps, user: AuthUser, idText: string, code: string) {
  const { project, app } = await requireApp(deps, user, idText, code);
  const variables = redactEnvironment(app.environment, await secretNames(deps, user, project.id, code));
  return {
    project_id: project.id,
    app_code: code,
    variables,
    runtime_env_contract: RUNTIME_ENV_CONTRACT,
    count: Object.keys(variables).length,
    note: 'Sensitive values (passwords, tokens, keys) are redacted',
  };
}

/** Checks first, then one transaction that locks the row, applies `change` and writes what it returns. */
async function changeApp(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  code: string,
  change: (app: AppRow) => Parameters<typeof patchApp>[2] | undefined,
): Promise<AppRow> {
  const project = await requireProject(deps.db, user, idText);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const app = await lockAppByCode(trx, project.id, code);
    if (app === undefined) throw appNotFound();
    const patch = change(app);
    return patch === undefined ? app : patchApp(trx, app.id, patch, now);
  });
}

export async function updateAppEnv(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  code: string,
  variables: unknown,
) {
  const { project } = await requireApp(deps, user, idText, code);
  if (isObject(variables)) await ensureNoSecretKeys(deps, user, project, code, Object.keys(variables));
  const row = await changeApp(deps, user, idText, code, (app) =>
    // Upstream merges only when both are objects; anything else leaves the stored value alone.
    isObject(variables) && isObject(app.environment)
      ? { environment: { ...app.environment, ...variables } }
      : undefined,
  );
  return {
    success: true,
    message: `Environment variables updated. ${NEXT_RESTART}`,
    updated_at: row.updated_at.toISOString(),
  };
}

export async function deleteAppEnvVar(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  code: string,
  name: string,
) {
  await changeApp(deps, user, idText, code, (app) => {
    const env = environmentObject(app.environment);
    if (!(name in env)) throw new AppError(404, 'env_var_not_found', 'Environment variable not found');
    delete env[name];
    return { environment: env };
  });
  return { success: true, message: `Environment variable '${name}' deleted` };
}

export async function updateAppPorts(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  code: string,
  ports: { host: number; container: number; protocol: string }[],
) {
  const row = await changeApp(deps, user, idText, code, () => ({ ports }));
  return {
    success: true,
    message: `Port mappings updated. ${NEXT_RESTART}`,
    ports: row.ports,
    updated_at: row.updated_at.toISOString(),
  };
}

export async function updateAppDomain(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  code: string,
  body: { domain?: string | null | undefined; ssl_enabled: boolean },
) {
  const row = await changeApp(deps, user, idText, code, () => ({
    domain: body.domain ?? null,
    sslEnabled: body.ssl_enabled,
  }));
  return {
    success: true,
    message: `Domain settings updated. ${NEXT_RESTART}`,
    domain: row.domain,
    ssl_enabled: row.ssl_enabled,
    updated_at: row.updated_at.toISOString(),
  };
}
