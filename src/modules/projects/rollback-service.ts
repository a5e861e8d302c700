import { parse } from 'yaml';
import type { AuthUser } from '../../auth/principal.js';
import { badRequest } from '../../infra/http/errors.js';
import { findUserCloud } from '../clouds/index.js';
import { listProjectServers } from '../servers/index.js';
import { findTemplateVersionDefinition } from '../templates/index.js';
import { projectLevelApps } from './app-rows.js';
import { syncProjectLevelApps } from './apps-repository.js';
import { composeOfMetadata } from './compose-service.js';
import { noCloudConfigured, normalizedPublicPorts } from './deploy-checks.js';
import type { DeployInput } from './deploy-schemas.js';
import { carryOutDeploy, type DeployPlan } from './deploy-service.js';
import { normalizedForm, type ProjectForm, projectForm } from './form.js';
import { setTemplateVersion } from './repository.js';
import { type ProjectDeps, requireProject } from './service.js';

/** A stored definition (YAML text or JSON object) read as a ProjectForm, or `undefined`. */
function definitionAsForm(definition: unknown): ProjectForm | undefined {
  let value = definition;
  if (typeof value === 'string') {
    try {
      value = parse(value);
    } catch {
      return undefined;
    }
  }
  const parsed = projectForm.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * POST /project/{id}/rollback (projects.md): the project's one server with a saved cloud is deployed
 * again with the stack definition of template version `version`, which becomes the project's form and
 * `template_version`. Every refusal comes before the first write.
 */
export async function rollbackProject(deps: ProjectDeps, user: AuthUser, idText: string, version: string) {
  const project = await requireProject(deps.db, user, idText);
  if (project.template_id === null) {
    throw badRequest('not_a_marketplace_project', 'Rollback is only available for marketplace projects');
  }
  const found = await findTemplateVersionDefinition(deps.db, project.template_id, version);
  if (found === undefined) {
    throw badRequest('template_version_not_found', `Marketplace template version '${version}' was not found`);
  }
  const form = definitionAsForm(found.definition);
  if (form === undefined) {
    throw badRequest(
      'invalid_project_form',
      `Marketplace template version '${version}' is not a ProjectForm.`,
    );
  }
  const servers = (await listProjectServers(deps.db, project.id)).filter((s) => s.cloud_id !== null);
  const [server] = servers;
  if (servers.length !== 1 || server === undefined) {
    throw badRequest(
      'rollback_target_unavailable',
      'Rollback needs exactly one server of the project with a saved cloud.',
    );
  }
  const cloud = await findUserCloud(deps.db, deps.secretBox, user.id, server.cloud_id!);
  if (cloud === undefined) throw noCloudConfigured();
  if (cloud.undecryptable)
    throw badRequest('cloud_undecryptable', 'The saved cloud credentials cannot be read.');

  const metadata = normalizedForm(form);
  const plan: DeployPlan = {
    project,
    provider: cloud.provider,
    cloud,
    credentials: cloud.credentials,
    saveInline: false,
    existingServer: server,
    publicPorts: normalizedPublicPorts(undefined, form.custom),
    compose: composeOfMetadata(metadata),
    metadata,
  };
  // The server is deployed as it is: no field is overwritten (ssh_port null keeps the stored one).
  const body: DeployInput = {
    cloud: { provider: cloud.provider, ...(cloud.saveToken !== null ? { save_token: cloud.saveToken } : {}) },
    server: { server_id: server.id, ssh_port: null },
    stack: { stack_code: form.custom.custom_stack_code },
  } as DeployInput;
  return carryOutDeploy(deps, user, plan, body, async (trx, now) => {
    await setTemplateVersion(trx, project.id, version, now);
    await syncProjectLevelApps(trx, project.id, projectLevelApps(form.custom), now);
  });
}
