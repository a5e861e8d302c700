import type { AuthUser } from '../../auth/principal.js';
import { badRequest } from '../../infra/http/errors.js';
import { ComposeError, composeYaml } from './compose.js';
import { readStoredForm } from './form.js';
import { type ProjectDeps, requireProject } from './service.js';

const invalidForm = (detail: string) => badRequest('invalid_project_form', detail);

/** The project's compose YAML from its stored form; 400 when the metadata is no valid ProjectForm. */
export function composeOfMetadata(metadata: unknown): string {
  const form = readStoredForm(metadata);
  if (form === undefined) throw invalidForm('The project metadata is not a valid ProjectForm.');
  try {
    return composeYaml(form.custom);
  } catch (err) {
    if (err instanceof ComposeError) throw invalidForm(err.message);
    throw err;
  }
}

export async function getProjectCompose(
  deps: ProjectDeps,
  user: AuthUser,
  idText: string,
): Promise<{ id: number; compose: string }> {
  const project = await requireProject(deps.db, user, idText);
  return { id: project.id, compose: composeOfMetadata(project.metadata) };
}
