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

/** The user's newest deployments that are not deleted (the agent UI's login list). */
export async function listLiveDeploymentsOfUser(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('deployment')
    .select(['deployment_hash', 'status', 'metadata', 'created_at'])
    .where('user_id', '=', userId)
    .where('status', '<>', 'deleted')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
