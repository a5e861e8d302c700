import type { Transaction } from 'kysely';
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
