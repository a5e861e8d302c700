import type { AuthUser } from '../../auth/principal.js';
import { AppError, badRequest } from '../../infra/http/errors.js';
import { defaultNetworkOf, projectAppView } from './app-view.js';
import {
  type AppRow,
  deleteAppById,
  deleteAppConfig,
  findAppByCode,
  findProjectDeploymentId,
  listProjectApps,
  storeAppConfig,
  upsertProjectLevelApp,
} from './apps-repository.js';
import type { ProjectAppView, UpsertAppInput } from './apps-schemas.js';
import { environmentKeys } from './environment.js';
import type { ProjectRecord } from './repository.js';
import { listServiceSecrets, serviceSecretNamesOfProject } from './secrets-repository.js';
import { type ProjectDeps, requireProject } from './service.js';

export const appNotFound = () => new AppError(404, 'app_not_found', 'App not found');
const deploymentNotFound = () => new AppError(404, 'deployment_not_found', 'Deployment not found');

/** The 409 of projects.md: an environment key that is already a service secret of this app. */
export function secretKeyConflict(key: string, projectId: number, appCode: string) {
  return new AppError(
    409,
    'env_key_is_service_secret',
    `Environment variable '${key}' is managed as a remote service secret. Use 'stacker secrets set ${key} --scope service --project ${projectId} --service ${appCode}' instead.`,
  );
}

export async function ensureNoSecretKeys(
  deps: ProjectDeps,
  user: AuthUser,
  project: ProjectRecord,
  appCode: string,
  keys: string[],
): Promise<void> {
  if (keys.length === 0) return;
  const secrets = await listServiceSecrets(deps.db, { userId: user.id, projectId: project.id, appCode });
  const names = new Set(secrets.map((s) => s.name));
  const conflict = keys.find((key) => names.has(key));
  if (conflict !== undefined) throw secretKeyConflict(conflict, project.id, appCode);
}

export async function viewOf(deps: ProjectDeps, user: AuthUser, project: ProjectRecord, row: AppRow) {
  const secrets = await listServiceSecrets(deps.db, {
    userId: user.id,
    projectId: project.id,
    appCode: row.code,
  });
  return projectAppView(row, {
    serviceSecretNames: secrets.map((s) => s.name),
    defaultNetwork: defaultNetworkOf(project.metadata),
  });
}

/** The caller's project and its app `code`, or 404 ("Project not found" first, then "App not found"). */
export async function requireApp(deps: ProjectDeps, user: AuthUser, idText: string, code: string) {
  const project = await requireProject(deps.db, user, idText);
  const app = await findAppByCode(deps.db, project.id, code);
  if (app === undefined) throw appNotFound();
  return { project, app };
}

export async function listApps(deps: ProjectDeps, user: AuthUser, idText: string): Promise<ProjectAppView[]> {
  const project = await requireProject(deps.db, user, idText);
  const [rows, secrets] = await Promise.all([
    listProjectApps(deps.db, project.id),
    serviceSecretNamesOfProject(deps.db, user.id, project.id),
  ]);
  const defaultNetwork = defaultNetworkOf(project.metadata);
  return rows.map((row) =>
    projectAppView(row, { serviceSecretNames: secrets.get(row.code) ?? [], defaultNetwork }),
  );
}

export async function getApp(deps: ProjectDeps, user: AuthUser, idText: string, code: string) {
  const { project, app } = await requireApp(deps, user, idText, code);
  return viewOf(deps, user, project, app);
}

/** A label or config_files member put into `labels` (upstream keeps a copy there). */
function labelsWith(labels: unknown, configFiles: unknown): unknown {
  if (configFiles === undefined) return labels ?? {};
  const base = labels ?? {};
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return base;
  return { ...(base as Record<string, unknown>), config_files: configFiles };
}

/**
 * POST …/apps: every check (project, blank code or image, secret keys, the deployment of
 * `deployment_hash`) before the one transaction that writes the row (and the rendered config).
 */
export async function upsertApp(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  body: UpsertAppInput,
): Promise<ProjectAppView> {
  const project = await requireProject(deps.db, user, idText);
  const code = (body.code ?? body.app_code ?? '').trim();
  if (code === '')
    throw badRequest('app_code_required', 'app code is required', [
      { path: 'body.code', message: 'is required' },
    ]);
  const image = body.image.trim();
  if (image === '')
    throw badRequest('image_required', 'image is required', [{ path: 'body.image', message: 'is required' }]);
  const env = body.env ?? body.environment;
  if (env !== undefined) await ensureNoSecretKeys(deps, user, project, code, environmentKeys(env));
  const deploymentId =
    body.deployment_hash === undefined
      ? undefined
      : await findProjectDeploymentId(deps.db, project.id, user.id, body.deployment_hash);
  if (body.deployment_hash !== undefined && deploymentId === undefined) throw deploymentNotFound();

  const now = deps.clock.now();
  const row = await deps.db.transaction().execute(async (trx) => {
    const written = await upsertProjectLevelApp(
      trx,
      project.id,
      code,
      {
        name: body.name ?? code,
        image,
        environment: env ?? {},
        ports: body.ports ?? [],
        volumes: body.volumes ?? [],
        configFiles: body.config_files ?? [],
        domain: body.domain ?? null,
        sslEnabled: body.ssl_enabled ?? false,
        resources: body.resources ?? {},
        restartPolicy: body.restart_policy ?? 'unless-stopped',
        command: body.command ?? null,
        entrypoint: body.entrypoint ?? null,
        networks: body.networks ?? [],
        dependsOn: body.depends_on ?? [],
        healthcheck: body.healthcheck ?? {},
        labels: labelsWith(body.labels, body.config_files),
        enabled: body.enabled ?? true,
        deployOrder: body.deploy_order ?? null,
      },
      now,
    );
    if (deploymentId !== undefined) {
      // The rendered config the agent would read for this deployment (upstream writes it to Vault).
      const { id: _id, created_at: _c, updated_at: _u, ...config } = written;
      await storeAppConfig(trx, {
        deploymentId,
        appCode: code,
        sealed: deps.secretBox.sealJson(config),
        now,
      });
    }
    return written;
  });
  return viewOf(deps, user, project, row);
}

export async function deleteApp(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  code: string,
  deploymentHash: string | undefined,
): Promise<{ success: boolean; message: string }> {
  const { project, app } = await requireApp(deps, user, idText, code);
  const hash = deploymentHash?.trim() ? deploymentHash.trim() : undefined;
  const deploymentId =
    hash === undefined ? undefined : await findProjectDeploymentId(deps.db, project.id, user.id, hash);
  if (hash !== undefined && deploymentId === undefined) throw deploymentNotFound();
  const deleted = await deps.db.transaction().execute(async (trx) => {
    if (deploymentId !== undefined) await deleteAppConfig(trx, deploymentId, code);
    return deleteAppById(trx, app.id);
  });
  return { success: deleted, message: deleted ? 'App removed from project' : 'App was not removed' };
}
