import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';

// The reads behind a deployment's state and plan: its project and its apps.

type Db = Kysely<Database> | Transaction<Database>;

export async function findProjectSummary(db: Db, projectId: number) {
  return db
    .selectFrom('project')
    .select(['id', 'name', 'user_id', 'metadata', 'template_id', 'template_version'])
    .where('id', '=', projectId)
    .executeTakeFirst();
}

export type ProjectSummary = NonNullable<Awaited<ReturnType<typeof findProjectSummary>>>;

/** The deployment's own app rows, else the project's (deployment-lifecycle.md, DeploymentState.apps). */
export async function findStateApps(db: Db, projectId: number, deploymentId: number) {
  const rows = await db
    .selectFrom('project_app')
    .select([
      'code',
      'name',
      'image',
      'enabled',
      'config_version',
      'vault_sync_version',
      'config_hash',
      'deployment_id',
    ])
    .where('project_id', '=', projectId)
    .where((eb) => eb.or([eb('deployment_id', '=', deploymentId), eb('deployment_id', 'is', null)]))
    .orderBy('deploy_order', 'asc')
    .orderBy('code', 'asc')
    .execute();
  const own = rows.filter((r) => r.deployment_id === deploymentId);
  return own.length > 0 ? own : rows;
}

export type StateAppRow = Awaited<ReturnType<typeof findStateApps>>[number];

/** A template's version numbers, newest first (the rollback plan's history). */
export async function templateVersionsNewestFirst(db: Db, templateId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('stack_template_version')
    .select('version')
    .where('template_id', '=', templateId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.version);
}

/** A deployment's apps as the snapshot shows them (no environment: it may hold secrets). */
export async function findDeploymentAppRows(db: Db, projectId: number, deploymentId: number) {
  const rows = await db
    .selectFrom('project_app')
    .select([
      'id',
      'project_id',
      'deployment_id',
      'code',
      'name',
      'image',
      'enabled',
      'domain',
      'ssl_enabled',
      'ports',
      'deploy_order',
      'parent_app_code',
      'config_version',
      'created_at',
      'updated_at',
    ])
    .where('project_id', '=', projectId)
    .where((eb) => eb.or([eb('deployment_id', '=', deploymentId), eb('deployment_id', 'is', null)]))
    .orderBy('deploy_order', 'asc')
    .orderBy('code', 'asc')
    .execute();
  const own = rows.filter((r) => r.deployment_id === deploymentId);
  return (own.length > 0 ? own : rows).map((r) => ({
    ...r,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  }));
}

export async function findDeploymentSummary(db: Db, hash: string) {
  const row = await db
    .selectFrom('deployment')
    .select(['id', 'deployment_hash', 'project_id', 'user_id'])
    .where('deployment_hash', '=', hash)
    .executeTakeFirst();
  return row && { id: row.id, hash: row.deployment_hash, projectId: row.project_id, userId: row.user_id };
}

export async function liveDeploymentsOfProject(db: Db, projectId: number) {
  const rows = await db
    .selectFrom('deployment')
    .select(['id', 'deployment_hash', 'project_id', 'user_id'])
    .where('project_id', '=', projectId)
    .where('status', '<>', 'deleted')
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({ id: r.id, hash: r.deployment_hash, projectId: r.project_id, userId: r.user_id }));
}
