import type { DeploymentRecord, ProjectRow } from './repository.js';
import type { DeploymentView, ProjectView } from './schemas.js';

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

export function projectView(p: ProjectRow): ProjectView {
  return {
    id: p.id,
    name: p.name,
    user_id: p.user_id,
    template_id: p.template_id,
    template_version: p.template_version,
    metadata: p.metadata,
    created_at: iso(p.created_at),
    updated_at: iso(p.updated_at),
  };
}

/** Never the sealed `secrets`: the query does not even select them. */
export function deploymentView(d: DeploymentRecord): DeploymentView {
  return {
    id: d.id,
    project_id: d.project_id ?? 0,
    user_id: d.user_id,
    deployment_hash: d.deployment_hash,
    name: d.project_name,
    status: d.status,
    status_message: d.status_message,
    server_ip: d.server_ip,
    template_id: d.template_id,
    template_version: d.template_version,
    metadata: d.metadata,
    created_at: iso(d.created_at),
    updated_at: iso(d.updated_at),
  };
}
