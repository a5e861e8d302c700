import type { AuthUser } from '../../auth/principal.js';
import { AppError } from '../../infra/http/errors.js';
import type { SecretMetaView } from './apps-schemas.js';
import { requireApp } from './apps-service.js';
import {
  deleteSecretById,
  findServiceSecret,
  listServiceSecrets,
  type SecretMetaRow,
  upsertServiceSecret,
} from './secrets-repository.js';
import type { ProjectDeps } from './service.js';

/*
 * Service secrets (`stacker secrets … --scope service`): values sealed with the secret box (upstream keeps
 * them in Vault), never returned. `vault_path` and `source: "vault"` keep their wire names as labels.
 */

export const secretNotFound = () => new AppError(404, 'secret_not_found', 'Secret not found');

export const serviceSecretPath = (userId: string, projectId: number, appCode: string, name: string) =>
  `stacker/users/${userId}/projects/${projectId}/apps/${appCode}/secrets/${name}`;

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

export function secretMetaView(row: SecretMetaRow): SecretMetaView {
  return {
    id: row.id,
    scope: row.scope,
    name: row.name,
    secure: true,
    project_id: row.project_id,
    app_code: row.app_code,
    server_id: row.server_id,
    updated_at: iso(row.updated_at),
    updated_by: row.updated_by,
    source: 'vault',
  };
}

async function scopeOf(deps: ProjectDeps, user: AuthUser, idText: string, code: string) {
  const { project, app } = await requireApp(deps, user, idText, code);
  return { userId: user.id, projectId: project.id, appCode: app.code };
}

export async function listAppSecrets(deps: ProjectDeps, user: AuthUser, idText: string, code: string) {
  const scope = await scopeOf(deps, user, idText, code);
  const rows = await listServiceSecrets(deps.db, scope);
  return { secrets: rows.map(secretMetaView), projectId: scope.projectId, appCode: scope.appCode };
}

export async function getAppSecret(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  code: string,
  name: string,
) {
  const scope = await scopeOf(deps, user, idText, code);
  const row = await findServiceSecret(deps.db, scope, name);
  if (row === undefined) throw secretNotFound();
  return secretMetaView(row);
}

export async function putAppSecret(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  code: string,
  name: string,
  value: string,
) {
  const scope = await scopeOf(deps, user, idText, code);
  const row = await upsertServiceSecret(deps.db, scope, {
    name,
    sealed: deps.secretBox.seal(value),
    vaultPath: serviceSecretPath(user.id, scope.projectId, scope.appCode, name),
    now: deps.clock.now(),
  });
  return secretMetaView(row);
}

export async function deleteAppSecret(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  code: string,
  name: string,
) {
  const scope = await scopeOf(deps, user, idText, code);
  const row = await findServiceSecret(deps.db, scope, name);
  if (row === undefined) throw secretNotFound();
  await deleteSecretById(deps.db, row.id);
}
