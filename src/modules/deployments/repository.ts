import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';

// SQL of the deployments feature: projects, deployments, and the progress updates of the Install Service.

type Db = Kysely<Database> | Transaction<Database>;

export interface NewProject {
  userId: string;
  name: string;
  templateId: string;
  templateVersion: string | null;
  /** The version's definition as stored (a YAML text as a JSON string, or a JSON object). */
  definition: unknown;
  metadata: Record<string, unknown>;
  now: Date;
}

export async function insertProject(trx: Transaction<Database>, p: NewProject) {
  return trx
    .insertInto('project')
    .values({
      user_id: p.userId,
      name: p.name,
      template_id: p.templateId,
      template_version: p.templateVersion,
      // jsonb: a JS string or array would not be sent as JSON by node-postgres, so it is sent as JSON text.
      stack_definition: JSON.stringify(p.definition ?? null),
      metadata: JSON.stringify(p.metadata),
      created_at: p.now,
      updated_at: p.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type ProjectRow = Awaited<ReturnType<typeof insertProject>>;

export interface NewDeployment {
  projectId: number;
  userId: string;
  hash: string;
  secrets: Buffer | null;
  metadata: Record<string, unknown>;
  now: Date;
}

export async function insertDeployment(trx: Transaction<Database>, d: NewDeployment): Promise<number> {
  const row = await trx
    .insertInto('deployment')
    .values({
      project_id: d.projectId,
      user_id: d.userId,
      deployment_hash: d.hash,
      status: 'pending',
      secrets: d.secrets,
      metadata: JSON.stringify(d.metadata),
      created_at: d.now,
      updated_at: d.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A deployment with its project's name; never the sealed secrets. */
function deploymentQuery(db: Db) {
  return db
    .selectFrom('deployment as d')
    .leftJoin('project as p', 'p.id', 'd.project_id')
    .select([
      'd.id',
      'd.project_id',
      'd.user_id',
      'd.deployment_hash',
      'd.status',
      'd.status_message',
      'd.runtime',
      sql<string | null>`host(d.server_ip)`.as('server_ip'),
      'd.metadata',
      'd.created_at',
      'd.updated_at',
      'p.name as project_name',
      'p.template_id',
      'p.template_version',
    ]);
}

export type DeploymentRecord = Awaited<
  ReturnType<ReturnType<typeof deploymentQuery>['executeTakeFirstOrThrow']>
>;

export async function findDeploymentByHash(db: Db, hash: string): Promise<DeploymentRecord | undefined> {
  return deploymentQuery(db).where('d.deployment_hash', '=', hash).executeTakeFirst();
}

export async function lockDeploymentByHash(trx: Transaction<Database>, hash: string) {
  return deploymentQuery(trx).where('d.deployment_hash', '=', hash).forUpdate('d').executeTakeFirst();
}

export async function findDeploymentById(db: Db, id: number): Promise<DeploymentRecord | undefined> {
  return deploymentQuery(db).where('d.id', '=', id).executeTakeFirst();
}

export async function lockDeploymentById(trx: Transaction<Database>, id: number) {
  return deploymentQuery(trx).where('d.id', '=', id).forUpdate('d').executeTakeFirst();
}

/** The project's owner, or `undefined` when there is no such project. */
export async function findProjectOwner(db: Db, projectId: number): Promise<string | undefined> {
  const row = await db.selectFrom('project').select('user_id').where('id', '=', projectId).executeTakeFirst();
  return row?.user_id;
}

/** The project's newest deployment that is not `deleted` (by `created_at`). */
export async function findNewestLiveDeploymentOfProject(
  db: Db,
  projectId: number,
): Promise<DeploymentRecord | undefined> {
  return deploymentQuery(db)
    .where('d.project_id', '=', projectId)
    .where('d.status', '<>', 'deleted')
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Which deployments a list shows: the user's own, or a project's that are not deleted. */
export type DeploymentScope = { userId: string } | { projectId: number };

/** The scope's deployments, newest first, after the keyset `after` (exclusive). */
export async function listDeploymentsOf(
  db: Db,
  scope: DeploymentScope,
  limit: number,
  after: { createdAt: Date; id: number } | undefined,
): Promise<DeploymentRecord[]> {
  let query =
    'userId' in scope
      ? deploymentQuery(db).where('d.user_id', '=', scope.userId)
      : deploymentQuery(db).where('d.project_id', '=', scope.projectId).where('d.status', '<>', 'deleted');
  if (after !== undefined) {
    query = query.where(
      sql<boolean>`(d.created_at, d.id) < (${after.createdAt}::timestamptz, ${after.id}::int)`,
    );
  }
  return query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(limit).execute();
}

/** A project's deployments that are not `deleted` yet, locked (the project is being deleted). */
export async function lockLiveDeploymentsOfProject(trx: Transaction<Database>, projectId: number) {
  return trx
    .selectFrom('deployment')
    .select(['id', 'deployment_hash', 'user_id', 'project_id'])
    .where('project_id', '=', projectId)
    .where('status', '<>', 'deleted')
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function markDeleted(trx: Transaction<Database>, id: number, message: string, now: Date) {
  await trx
    .updateTable('deployment')
    .set({ status: 'deleted', status_message: message, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** `completed` by the owner's hand, remembering where from (metadata `force_completed_from`). */
export async function markForceCompleted(
  trx: Transaction<Database>,
  id: number,
  from: string,
  forced: boolean,
  now: Date,
) {
  const patch = JSON.stringify(
    forced ? { force_completed_from: from, force_override: true } : { force_completed_from: from },
  );
  await trx
    .updateTable('deployment')
    .set({ status: 'completed', metadata: sql`metadata || ${patch}::jsonb`, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Statuses no message of the Install Service may move a deployment out of (install-service.md). */
export const FINAL_STATUSES = ['completed', 'cancelled', 'deleted'] as const;

export interface ProgressChange {
  status: string;
  message: string | undefined;
  serverIp: string | undefined;
  /** Merged into `metadata` (progress, ssh port, alert). */
  metadata: Record<string, unknown>;
  now: Date;
}

/**
 * Applies one progress message in one statement: never to a deployment in a final state (even one
 * that became final a moment ago in another transaction), and not at all when it would change
 * nothing (a duplicate leaves `updated_at` alone). Fields the message leaves out keep their value.
 */
export async function applyProgressChange(
  db: Kysely<Database>,
  target: { hash: string } | { id: number },
  change: ProgressChange,
): Promise<boolean> {
  const patch = JSON.stringify(change.metadata);
  const message = change.message ?? null;
  const ip = change.serverIp ?? null;
  const result = await db
    .updateTable('deployment')
    .set({
      status: change.status,
      status_message: sql<string | null>`coalesce(${message}::text, status_message)`,
      server_ip: sql<string | null>`coalesce(${ip}::inet, server_ip)`,
      metadata: sql`metadata || ${patch}::jsonb`,
      updated_at: change.now,
    })
    .where('hash' in target ? 'deployment_hash' : 'id', '=', 'hash' in target ? target.hash : target.id)
    .where('status', 'not in', [...FINAL_STATUSES])
    .where(
      sql<boolean>`NOT (status = ${change.status}
        AND status_message IS NOT DISTINCT FROM coalesce(${message}::text, status_message)
        AND server_ip IS NOT DISTINCT FROM coalesce(${ip}::inet, server_ip)
        AND metadata @> ${patch}::jsonb)`,
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The status of a deployment by hash or id (to tell "unknown" from "final" after a no-op update). */
export async function findDeploymentStatus(
  db: Db,
  target: { hash: string } | { id: number },
): Promise<string | undefined> {
  const query = db.selectFrom('deployment').select('status');
  const row = await ('hash' in target
    ? query.where('deployment_hash', '=', target.hash)
    : query.where('id', '=', target.id)
  ).executeTakeFirst();
  return row?.status;
}
