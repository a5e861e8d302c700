import { type Kysely, sql } from 'kysely';
import type { Database } from '../../infra/db/database.js';

// SQL of the handoff feature: the tokens, and the reads a deployment payload is built from.

export async function insertHandoff(
  db: Kysely<Database>,
  h: {
    tokenHash: string;
    userId: string;
    kind: 'deployment' | 'account';
    payload: Buffer;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('handoff')
    .values({
      token_hash: h.tokenHash,
      user_id: h.userId,
      kind: h.kind,
      payload_ciphertext: h.payload,
      expires_at: h.expiresAt,
      created_at: h.now,
    })
    .execute();
}

/**
 * Consumes a token: one statement, so two resolves racing on two instances cannot both win (the loser
 * finds `used_at` set and gets no row). Unknown, used and expired tokens all come back undefined.
 */
export async function consumeHandoff(db: Kysely<Database>, tokenHash: string, now: Date) {
  return db
    .updateTable('handoff')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['payload_ciphertext', 'kind'])
    .executeTakeFirst();
}

export async function purgeHandoffs(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('handoff').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The deployment by id or hash, with its project and the project's first server and its cloud. */
export async function findHandoffSource(db: Kysely<Database>, ref: { id: number } | { hash: string }) {
  return db
    .selectFrom('deployment as d')
    .leftJoin('project as p', 'p.id', 'd.project_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('server')
          .distinctOn('project_id')
          .select(['project_id', 'id', 'cloud_id', 'region', 'srv_ip', 'ssh_user', 'ssh_port', 'name'])
          .orderBy('project_id')
          .orderBy('id')
          .as('s'),
      (join) => join.onRef('s.project_id', '=', 'd.project_id'),
    )
    .leftJoin('cloud as c', 'c.id', 's.cloud_id')
    .select([
      'd.id',
      'd.deployment_hash',
      'd.user_id',
      'd.status',
      'd.project_id',
      'd.updated_at',
      sql<string | null>`host(d.server_ip)`.as('deployment_ip'),
      'p.name as project_name',
      'p.metadata as project_metadata',
      's.id as server_id',
      's.cloud_id',
      's.region',
      's.srv_ip',
      's.ssh_user',
      's.ssh_port',
      's.name as server_name',
      'c.provider',
    ])
    .where('id' in ref ? 'd.id' : 'd.deployment_hash', '=', 'id' in ref ? ref.id : ref.hash)
    .executeTakeFirst();
}

export type HandoffSource = NonNullable<Awaited<ReturnType<typeof findHandoffSource>>>;
