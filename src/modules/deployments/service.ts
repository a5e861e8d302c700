import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { AuthUser } from '../../auth/principal.js';
import type { Clock } from '../../infra/clock.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { cursorDate, cursorId, decodeCursor, encodeCursor } from '../../infra/http/cursor.js';
import { notFound } from '../../infra/http/errors.js';
import { DEPLOYMENT_HASH_RE } from '../../infra/identifiers.js';
import { OUTBOX_TOPICS, writeOutboxEvent } from '../../infra/outbox/outbox-writer.js';
import { installDeletePayload } from '../../integrations/install-service/messages.js';
import { deploymentNotFound, mayAccessDeployment } from '../agents/index.js';
import { revokeDeploymentAgentAndCommands } from '../commands/index.js';
import {
  type DeploymentScope,
  findDeploymentByHash,
  findDeploymentById,
  findProjectOwner,
  insertDeployment,
  listDeploymentsOf,
  lockDeploymentByHash,
  lockLiveDeploymentsOfProject,
  markDeleted,
  type NewDeployment,
} from './repository.js';
import type { DeploymentView } from './schemas.js';
import { deploymentView } from './views.js';

export interface DeploymentDeps {
  db: Kysely<Database>;
  clock: Clock;
  secretBox: SecretBox;
  log: FastifyBaseLogger;
}

export const newDeploymentHash = (): string => `deployment_${randomUUID()}`;

/** A digits-only path segment names a deployment by id (deployment-lifecycle.md), anything else a hash. */
const DEPLOYMENT_ID_RE = /^[0-9]{1,10}$/;
const MAX_ID = 2_147_483_647;

/** The id a digits-only segment names, `undefined` for anything else (or past the i32 range: none). */
export function deploymentIdOf(segment: string): number | undefined {
  return DEPLOYMENT_ID_RE.test(segment) ? Number(segment) : undefined;
}

/** The row a segment names: by id when digits-only, else by hash; `undefined` when none. */
export async function findDeploymentBySegment(db: DeploymentDeps['db'], segment: string) {
  const id = deploymentIdOf(segment);
  if (id !== undefined) return id <= MAX_ID ? findDeploymentById(db, id) : undefined;
  return DEPLOYMENT_HASH_RE.test(segment) ? findDeploymentByHash(db, segment) : undefined;
}

/** By id for a digits-only segment, else by hash (`byHash` reads a digits-only hash too). */
export async function getDeployment(
  deps: DeploymentDeps,
  user: AuthUser,
  segment: string,
  byHash = false,
): Promise<DeploymentView> {
  const row = byHash
    ? DEPLOYMENT_HASH_RE.test(segment)
      ? await findDeploymentByHash(deps.db, segment)
      : undefined
    : await findDeploymentBySegment(deps.db, segment);
  if (row === undefined || !mayAccessDeployment(user, row.user_id, 'read')) throw deploymentNotFound();
  return deploymentView(row);
}

const deploymentsCursor = z.tuple([z.literal('deployments'), cursorDate, cursorId]);

function afterCursor(cursor: string | undefined): { createdAt: Date; id: number } | undefined {
  const after = decodeCursor(cursor, deploymentsCursor);
  return after && { createdAt: after[1], id: after[2] };
}

const nextCursor = (d: DeploymentView): string => encodeCursor(['deployments', d.created_at, d.id]);

/**
 * The caller's own deployments, newest first (admins too see only theirs here); with `projectId`, that
 * project's deployments that are not deleted, for its owner (else 404 "Project not found").
 */
export async function listDeployments(
  deps: DeploymentDeps,
  user: AuthUser,
  page: { limit: number; cursor?: string | undefined; projectId?: number | undefined },
): Promise<{ items: DeploymentView[]; nextCursor: string | null }> {
  let scope: DeploymentScope = { userId: user.id };
  if (page.projectId !== undefined) {
    const owner = page.projectId <= MAX_ID ? await findProjectOwner(deps.db, page.projectId) : undefined;
    if (owner === undefined || !mayAccessDeployment(user, owner, 'read'))
      throw notFound('Project', 'project_not_found');
    scope = { projectId: page.projectId };
  }
  const rows = await listDeploymentsOf(deps.db, scope, page.limit + 1, afterCursor(page.cursor));
  const items = rows.slice(0, page.limit).map(deploymentView);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? nextCursor(last) : null };
}

/**
 * DELETE: the deployment becomes `deleted` (final), its agent is revoked and its queued commands are
 * cancelled, and `install.delete` is queued — all in one transaction. Deleting a deleted deployment
 * changes nothing and sends nothing again.
 */
export async function deleteDeployment(
  deps: DeploymentDeps,
  user: AuthUser,
  hash: string,
): Promise<DeploymentView> {
  if (!DEPLOYMENT_HASH_RE.test(hash)) throw deploymentNotFound();
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockDeploymentByHash(trx, hash);
    if (row === undefined || !mayAccessDeployment(user, row.user_id, 'manage')) throw deploymentNotFound();
    if (row.status === 'deleted') return deploymentView(row);
    const now = deps.clock.now();
    await markDeleted(trx, row.id, 'Deleted by user', now);
    await writeOutboxEvent(trx, deps.secretBox, {
      topic: OUTBOX_TOPICS.installDelete,
      orderingKey: hash,
      payload: installDeletePayload({ deploymentHash: hash, projectId: row.project_id, userId: row.user_id }),
    });
    await revokeDeploymentAgentAndCommands(trx, hash, now);
    const after = await findDeploymentByHash(trx, hash);
    return deploymentView(after ?? row);
  });
}

/**
 * For a project being deleted, inside its transaction: each of its live deployments is retired as
 * DELETE /api/v1/deployments/{hash} would (`install.delete` queued, agent revoked, queued commands
 * cancelled) before the rows go with the project. Returns the hashes told.
 */
export async function retireProjectDeployments(
  trx: Transaction<Database>,
  secretBox: SecretBox,
  projectId: number,
  now: Date,
): Promise<string[]> {
  const rows = await lockLiveDeploymentsOfProject(trx, projectId);
  for (const row of rows) {
    await writeOutboxEvent(trx, secretBox, {
      topic: OUTBOX_TOPICS.installDelete,
      orderingKey: row.deployment_hash,
      payload: installDeletePayload({
        deploymentHash: row.deployment_hash,
        projectId: row.project_id,
        userId: row.user_id,
      }),
    });
    await revokeDeploymentAgentAndCommands(trx, row.deployment_hash, now);
  }
  return rows.map((r) => r.deployment_hash);
}

/**
 * A new `pending` deployment of a project, inside the caller's transaction (the projects feature's
 * deploy writes it with its server, key and install message). Returns its id.
 */
export async function recordDeployment(trx: Transaction<Database>, d: NewDeployment): Promise<number> {
  return insertDeployment(trx, d);
}
