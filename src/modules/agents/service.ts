import type { Kysely } from 'kysely';
import { API_VERSION } from '../../api-version.js';
import { actorOf, type Principal } from '../../auth/principal.js';
import type { Config } from '../../config.js';
import { type AuditEntry, writeAudit } from '../../infra/audit/audit-log.js';
import type { Clock } from '../../infra/clock.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { notify } from '../../infra/db/notify.js';
import { AppError, forbidden, notFound, unauthorized } from '../../infra/http/errors.js';
import { AGENT_CHANGED_CHANNEL } from './channels.js';
import {
  deploymentNotFound,
  findDeployment,
  mayAccessDeployment,
  refuseDeleted,
} from './deployment-access.js';
import {
  type AgentRow,
  findAgentById,
  insertAgent,
  lockAgentByHash,
  lockAgentById,
  updateAgent,
} from './repository.js';
import { newAgentToken, rotateTokens } from './token-rules.js';

export interface AgentDeps {
  db: Kysely<Database>;
  secretBox: SecretBox;
  clock: Clock;
  config: Config;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface RegisterInput {
  deploymentHash: string;
  agentVersion: string | null;
  capabilities: string[];
  systemInfo: Record<string, unknown>;
  rotate: boolean;
}

/** The `{"data": {"item": …}}` item of registration and rotation (compat). */
export interface AgentCredentialsItem {
  agent_id: string;
  agent_token: string;
  deployment_hash: string;
  dashboard_version: string;
  supported_api_versions: string[];
}

export const AGENTS_REGISTER_SCOPE = 'agents:register';
export const SUPPORTED_API_VERSIONS = ['1.0'];

function credentialsItem(row: AgentRow, token: string): AgentCredentialsItem {
  return {
    agent_id: row.id,
    agent_token: token,
    deployment_hash: row.deployment_hash,
    dashboard_version: API_VERSION,
    supported_api_versions: SUPPORTED_API_VERSIONS,
  };
}

/** Owner, admin, or a service client with `agents:register`; 404 before anything else for users. */
async function authorizeRegistration(deps: AgentDeps, principal: Principal, hash: string): Promise<void> {
  if (principal.kind === 'client') {
    if (!principal.client.scopes.includes(AGENTS_REGISTER_SCOPE)) {
      throw forbidden('insufficient_scope', `The service client lacks the ${AGENTS_REGISTER_SCOPE} scope.`);
    }
  } else if (principal.kind !== 'user') {
    throw unauthorized();
  }
  const deployment = await findDeployment(deps.db, hash);
  // An admin or a client may register ahead of the deployment row (provisioning order varies).
  if (principal.kind === 'user' && !mayAccessDeployment(principal.user, deployment?.userId, 'manage')) {
    throw deploymentNotFound();
  }
  refuseDeleted(deployment);
}

/**
 * Registers the deployment's agent, or refreshes the existing one and returns its current token so
 * provisioning can run again safely. `rotate` (or a revoked agent) issues a new token.
 */
export async function registerAgent(
  deps: AgentDeps,
  principal: Principal,
  input: RegisterInput,
  meta: RequestMeta,
): Promise<{ created: boolean; item: AgentCredentialsItem }> {
  await authorizeRegistration(deps, principal, input.deploymentHash);
  const now = deps.clock.now();
  const audit = { ...actorOf(principal), deploymentHash: input.deploymentHash, ...meta, at: now };
  return deps.db.transaction().execute(async (trx) => {
    let existing = await lockAgentByHash(trx, input.deploymentHash);
    if (!existing) {
      const token = newAgentToken();
      const inserted = await insertAgent(trx, {
        deploymentHash: input.deploymentHash,
        version: input.agentVersion,
        capabilities: input.capabilities,
        systemInfo: input.systemInfo,
        tokenCiphertext: deps.secretBox.seal(token),
        now,
      });
      if (inserted) {
        await writeAudit(trx, {
          ...audit,
          action: 'agent.registered',
          target: inserted.id,
          outcome: 'created',
          details: { agent_version: input.agentVersion, capabilities: input.capabilities },
        });
        return { created: true, item: credentialsItem(inserted, token) };
      }
      // A concurrent registration won the insert: continue as a re-registration of its row.
      existing = await lockAgentByHash(trx, input.deploymentHash);
      if (!existing) throw new AppError(503, 'registration_conflict', 'Registration raced; retry.');
    }
    const rotate = input.rotate || existing.revoked_at !== null;
    const rotated = rotate
      ? rotateTokens(deps.secretBox, existing, now, deps.config.agent.tokenGraceSecs)
      : undefined;
    const row = await updateAgent(trx, existing.id, {
      version: input.agentVersion,
      capabilities: input.capabilities,
      systemInfo: input.systemInfo,
      ...(rotated ? { ...rotated, revokedAt: null } : {}),
      now,
    });
    const token = rotated ? rotated.token : deps.secretBox.openString(row.token_ciphertext);
    const entries: AuditEntry[] = [
      {
        ...audit,
        action: 'agent.registered',
        target: row.id,
        outcome: 'updated',
        details: { agent_version: input.agentVersion, capabilities: input.capabilities, rotated: rotate },
      },
    ];
    if (rotated) {
      entries.push({ ...audit, action: 'agent.token_rotated', target: row.id, details: { via: 'register' } });
      await notify(trx, AGENT_CHANGED_CHANNEL, row.id);
    }
    await writeAudit(trx, entries);
    return { created: false, item: credentialsItem(row, token) };
  });
}

/** `POST /api/v1/agent/{agent_id}/rotate-token`: the deployment's owner or an admin. */
export async function rotateAgentToken(
  deps: AgentDeps,
  principal: Principal,
  agentId: string,
  meta: RequestMeta,
): Promise<AgentCredentialsItem> {
  if (principal.kind !== 'user') throw unauthorized();
  const user = principal.user;
  const agent = await findAgentById(deps.db, agentId);
  if (!agent) throw notFound('Agent', 'agent_not_found');
  const deployment = await findDeployment(deps.db, agent.deployment_hash);
  if (!mayAccessDeployment(user, deployment?.userId, 'manage')) throw notFound('Agent', 'agent_not_found');
  refuseDeleted(deployment);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    // The row lock serialises rotations: two at once cannot both take the same "previous" token.
    const locked = await lockAgentById(trx, agentId);
    if (!locked) throw notFound('Agent', 'agent_not_found');
    const rotated = rotateTokens(deps.secretBox, locked, now, deps.config.agent.tokenGraceSecs);
    const row = await updateAgent(trx, locked.id, { ...rotated, revokedAt: null, now });
    await writeAudit(trx, {
      ...actorOf(principal),
      ...meta,
      at: now,
      action: 'agent.token_rotated',
      deploymentHash: row.deployment_hash,
      target: row.id,
      details: { via: 'rotate-token' },
    });
    await notify(trx, AGENT_CHANGED_CHANNEL, row.id);
    return credentialsItem(row, rotated.token);
  });
}
