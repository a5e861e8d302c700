import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';

// The reads behind an agent snapshot: the deployment, its project's owner and live deployments, its apps.

type Db = Kysely<Database>;

export async function projectOwner(db: Db, projectId: number): Promise<string | undefined> {
  const row = await db.selectFrom('project').select('user_id').where('id', '=', projectId).executeTakeFirst();
  return row?.user_id;
}

/** A deployment's apps as the snapshot shows them (no environment: it may hold secrets). */
export async function deploymentAppRows(db: Db, projectId: number, deploymentId: number) {
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
