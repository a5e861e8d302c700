import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import type { ProjectLevelApp } from './app-rows.js';

// SQL of project apps. Project-level rows have `deployment_id IS NULL`; a deployment's own rows carry it.

const json = (value: unknown) => JSON.stringify(value);

/**
 * Writes the form's project-level apps: each upserted by code (keeping its id), then every project-level
 * row whose code left the form deleted. Deployment-scoped rows are never touched.
 */
export async function syncProjectLevelApps(
  trx: Transaction<Database>,
  projectId: number,
  apps: ProjectLevelApp[],
  now: Date,
): Promise<void> {
  for (const app of apps) {
    const values = {
      name: app.name,
      image: app.image,
      environment: json(app.environment),
      ports: json(app.ports),
      volumes: json(app.volumes),
      domain: app.domain,
      ssl_enabled: false,
      restart_policy: app.restartPolicy,
      command: app.command,
      entrypoint: app.entrypoint,
      networks: json(app.networks),
      enabled: true,
      deploy_order: app.deployOrder,
      updated_at: now,
    };
    await trx
      .insertInto('project_app')
      .values({ ...values, project_id: projectId, deployment_id: null, code: app.code, created_at: now })
      .onConflict((oc) =>
        oc.columns(['project_id', 'code']).where('deployment_id', 'is', null).doUpdateSet(values),
      )
      .execute();
  }
  let stale = trx
    .deleteFrom('project_app')
    .where('project_id', '=', projectId)
    .where('deployment_id', 'is', null);
  if (apps.length > 0)
    stale = stale.where(
      'code',
      'not in',
      apps.map((a) => a.code),
    );
  await stale.execute();
}

type Db = Kysely<Database> | Transaction<Database>;

/** Every row of the project (project-level and deployment-scoped), in deploy order. */
export async function listProjectApps(db: Db, projectId: number) {
  return db
    .selectFrom('project_app')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy(sql`deploy_order ASC NULLS LAST`)
    .orderBy('id')
    .execute();
}

export type AppRow = Awaited<ReturnType<typeof listProjectApps>>[number];

/** The app called `code`: the project-level row, else the newest deployment's row. */
export async function findAppByCode(db: Db, projectId: number, code: string): Promise<AppRow | undefined> {
  return db
    .selectFrom('project_app')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('code', '=', code)
    .orderBy(sql`deployment_id IS NULL`, 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function lockAppByCode(
  trx: Transaction<Database>,
  projectId: number,
  code: string,
): Promise<AppRow | undefined> {
  return trx
    .selectFrom('project_app')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('code', '=', code)
    .orderBy(sql`deployment_id IS NULL`, 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

/** The app columns a POST writes; JSON members are stored as sent. */
export interface AppWrite {
  name: string;
  image: string;
  environment: unknown;
  ports: unknown;
  volumes: unknown;
  configFiles: unknown;
  domain: string | null;
  sslEnabled: boolean;
  resources: unknown;
  restartPolicy: string;
  command: string | null;
  entrypoint: string | null;
  networks: unknown;
  dependsOn: unknown;
  healthcheck: unknown;
  labels: unknown;
  enabled: boolean;
  deployOrder: number | null;
}

/** Upsert of the project-level row by `(project, code)`; each write bumps `config_version`. */
export async function upsertProjectLevelApp(
  trx: Transaction<Database>,
  projectId: number,
  code: string,
  a: AppWrite,
  now: Date,
): Promise<AppRow> {
  const values = {
    name: a.name,
    image: a.image,
    environment: json(a.environment),
    ports: json(a.ports),
    volumes: json(a.volumes),
    config_files: json(a.configFiles),
    domain: a.domain,
    ssl_enabled: a.sslEnabled,
    resources: json(a.resources),
    restart_policy: a.restartPolicy,
    command: a.command,
    entrypoint: a.entrypoint,
    networks: json(a.networks),
    depends_on: json(a.dependsOn),
    healthcheck: json(a.healthcheck),
    labels: json(a.labels),
    enabled: a.enabled,
    deploy_order: a.deployOrder,
    updated_at: now,
  };
  return trx
    .insertInto('project_app')
    .values({ ...values, project_id: projectId, deployment_id: null, code, created_at: now })
    .onConflict((oc) =>
      oc
        .columns(['project_id', 'code'])
        .where('deployment_id', 'is', null)
        .doUpdateSet({ ...values, config_version: sql`project_app.config_version + 1` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface AppPatch {
  environment?: unknown;
  ports?: unknown;
  domain?: string | null;
  sslEnabled?: boolean;
}

export async function patchApp(
  trx: Transaction<Database>,
  id: number,
  p: AppPatch,
  now: Date,
): Promise<AppRow> {
  return trx
    .updateTable('project_app')
    .set({
      ...(p.environment !== undefined ? { environment: json(p.environment) } : {}),
      ...(p.ports !== undefined ? { ports: json(p.ports) } : {}),
      ...(p.domain !== undefined ? { domain: p.domain } : {}),
      ...(p.sslEnabled !== undefined ? { ssl_enabled: p.sslEnabled } : {}),
      config_version: sql`config_version + 1`,
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteAppById(trx: Transaction<Database>, id: number): Promise<boolean> {
  const result = await trx.deleteFrom('project_app').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The caller's deployment of this project by hash (for an app's rendered config), or `undefined`. */
export async function findProjectDeploymentId(
  db: Db,
  projectId: number,
  userId: string,
  hash: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('deployment')
    .select('id')
    .where('deployment_hash', '=', hash)
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.id;
}

/** An app's rendered config for one deployment (upstream: Vault), sealed. */
export async function storeAppConfig(
  trx: Transaction<Database>,
  c: { deploymentId: number; appCode: string; sealed: Buffer; now: Date },
): Promise<void> {
  await trx
    .insertInto('project_app_config')
    .values({
      deployment_id: c.deploymentId,
      app_code: c.appCode,
      config_ciphertext: c.sealed,
      updated_at: c.now,
    })
    .onConflict((oc) =>
      oc
        .columns(['deployment_id', 'app_code'])
        .doUpdateSet({ config_ciphertext: c.sealed, updated_at: c.now }),
    )
    .execute();
}

export async function deleteAppConfig(trx: Transaction<Database>, deploymentId: number, appCode: string) {
  await trx
    .deleteFrom('project_app_config')
    .where('deployment_id', '=', deploymentId)
    .where('app_code', '=', appCode)
    .execute();
}
