import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../../auth/principal.js';
import type { Clock } from '../../infra/clock.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { notFound } from '../../infra/http/errors.js';
import { retireProjectDeployments } from '../deployments/index.js';
import { projectLevelApps } from './app-rows.js';
import { syncProjectLevelApps } from './apps-repository.js';
import { normalizedForm, type ProjectForm } from './form.js';
import {
  deleteProjectRow,
  findProjectOfUser,
  insertProject,
  listProjectsOfUser,
  lockProjectOfUser,
  type ProjectRecord,
  updateProjectForm,
} from './repository.js';
import type { ProjectView } from './schemas.js';
import { projectView } from './views.js';

export interface ProjectDeps {
  db: Kysely<Database>;
  clock: Clock;
  secretBox: SecretBox;
  log: FastifyBaseLogger;
}

export const projectNotFound = () => notFound('Project', 'project_not_found');

const MAX_I32 = 2_147_483_647;

/** A path id: digits naming an i32, else `undefined` (a non-integer id is a 404, never a 400). */
export function parseProjectId(text: string): number | undefined {
  if (!/^[0-9]{1,10}$/.test(text)) return undefined;
  const id = Number(text);
  return id >= 1 && id <= MAX_I32 ? id : undefined;
}

/** The caller's project, or 404 (another user's project is as absent as none). */
export async function requireProject(
  db: Kysely<Database>,
  user: AuthUser,
  idText: string,
): Promise<ProjectRecord> {
  const id = parseProjectId(idText);
  const row = id === undefined ? undefined : await findProjectOfUser(db, user.id, id);
  if (row === undefined) throw projectNotFound();
  return row;
}

export async function listProjects(deps: ProjectDeps, user: AuthUser): Promise<ProjectView[]> {
  return (await listProjectsOfUser(deps.db, user.id)).map(projectView);
}

export async function getProject(deps: ProjectDeps, user: AuthUser, idText: string): Promise<ProjectView> {
  return projectView(await requireProject(deps.db, user, idText));
}

/**
 * POST: the project and its project-level apps in one transaction. The form was validated whole before
 * this runs, so a refused body writes nothing (the CLI sends every failed call twice).
 */
export async function createProject(
  deps: ProjectDeps,
  user: AuthUser,
  form: ProjectForm,
  requestJson: unknown,
): Promise<ProjectView> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertProject(trx, {
      userId: user.id,
      name: form.custom.custom_stack_code,
      metadata: normalizedForm(form),
      requestJson,
      now,
    });
    await syncProjectLevelApps(trx, row.id, projectLevelApps(form.custom), now);
    return projectView(row);
  });
}

/** PUT: replaces name, metadata and the raw body, and re-syncs the project-level apps. */
export async function updateProject(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
  form: ProjectForm,
  requestJson: unknown,
): Promise<ProjectView> {
  const id = parseProjectId(idText);
  if (id === undefined) throw projectNotFound();
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await lockProjectOfUser(trx, user.id, id);
    if (current === undefined) throw projectNotFound();
    const row = await updateProjectForm(trx, id, {
      name: form.custom.custom_stack_code,
      metadata: normalizedForm(form),
      requestJson,
      now,
    });
    await syncProjectLevelApps(trx, id, projectLevelApps(form.custom), now);
    return projectView(row);
  });
}

/**
 * DELETE: each live deployment is retired first (the Install Service told, its agent revoked, its
 * queued commands cancelled), then the project goes with everything that hangs off it.
 */
export async function deleteProject(deps: ProjectDeps, user: AuthUser, idText: string): Promise<void> {
  const id = parseProjectId(idText);
  if (id === undefined) throw projectNotFound();
  const now = deps.clock.now();
  const retired = await deps.db.transaction().execute(async (trx) => {
    const current = await lockProjectOfUser(trx, user.id, id);
    if (current === undefined) throw projectNotFound();
    const hashes = await retireProjectDeployments(trx, deps.secretBox, id, now);
    await deleteProjectRow(trx, id);
    return hashes;
  });
  deps.log.info({ projectId: id, deployments: retired.length }, 'project deleted');
}
