import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../infra/db/database.js';

// SQL of projects: the caller's rows only (another user's project is as absent as none).

type Db = Kysely<Database> | Transaction<Database>;

const PROJECT_COLUMNS = [
  'id',
  'stack_id',
  'user_id',
  'name',
  'metadata',
  'request_json',
  'template_id',
  'template_version',
  'created_at',
  'updated_at',
] as const;

export async function findProjectOfUser(db: Db, userId: string, id: number) {
  return db
    .selectFrom('project')
    .select(PROJECT_COLUMNS)
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export type ProjectRecord = NonNullable<Awaited<ReturnType<typeof findProjectOfUser>>>;

/** Serialises writes to one project (PUT, DELETE, deploy) against each other. */
export async function lockProjectOfUser(
  trx: Transaction<Database>,
  userId: string,
  id: number,
): Promise<ProjectRecord | undefined> {
  return trx
    .selectFrom('project')
    .select(PROJECT_COLUMNS)
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

/** The whole list, oldest first: the CLI scans it for a name and never follows a cursor. */
export async function listProjectsOfUser(db: Db, userId: string): Promise<ProjectRecord[]> {
  return db
    .selectFrom('project')
    .select(PROJECT_COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

export interface ProjectWrite {
  name: string;
  metadata: Record<string, unknown>;
  requestJson: unknown;
  now: Date;
}

export async function insertProject(
  trx: Transaction<Database>,
  p: ProjectWrite & { userId: string },
): Promise<ProjectRecord> {
  return trx
    .insertInto('project')
    .values({
      user_id: p.userId,
      name: p.name,
      metadata: JSON.stringify(p.metadata),
      // jsonb: a JS array or string would not go out as JSON, so every value is sent as JSON text.
      request_json: JSON.stringify(p.requestJson ?? {}),
      created_at: p.now,
      updated_at: p.now,
    })
    .returning(PROJECT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateProjectForm(
  trx: Transaction<Database>,
  id: number,
  p: ProjectWrite,
): Promise<ProjectRecord> {
  return trx
    .updateTable('project')
    .set({
      name: p.name,
      metadata: JSON.stringify(p.metadata),
      request_json: JSON.stringify(p.requestJson ?? {}),
      updated_at: p.now,
    })
    .where('id', '=', id)
    .returning(PROJECT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** A deploy's additions to the metadata (environment, config files, config bundle). */
export async function updateProjectMetadata(
  trx: Transaction<Database>,
  id: number,
  metadata: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('project')
    .set({ metadata: JSON.stringify(metadata), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** A rollback's new version, with the version's form as the metadata (written by the deploy). */
export async function setTemplateVersion(
  trx: Transaction<Database>,
  id: number,
  version: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('project')
    .set({ template_version: version, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Deployments, servers, apps and secrets go with it (ON DELETE CASCADE). */
export async function deleteProjectRow(trx: Transaction<Database>, id: number): Promise<void> {
  await trx.deleteFrom('project').where('id', '=', id).execute();
}
