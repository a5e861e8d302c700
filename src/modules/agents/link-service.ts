import type { AuthUser, Principal } from '../../auth/principal.js';
import { writeAudit } from '../../infra/audit/audit-log.js';
import { AppError, forbidden, notFound } from '../../infra/http/errors.js';
import { DEPLOYMENT_HASH_RE } from '../../infra/identifiers.js';
import { findDeployment } from './deployment-access.js';
import { findDeploymentAgent } from './lookup.js';
import { findDeploymentIdByHash } from './repository.js';
import { type AgentDeps, type RequestMeta, registerAgent } from './service.js';

/*
 * `POST /api/v1/agent/link` (deployment-lifecycle.md): the agent's local UI, or `stacker agent install`,
 * links the host's agent to a deployment with the user's session. An agent that exists keeps its
 * **current** token (the one already running on the host would be locked out by a rotated one).
 */

export interface LinkInput {
  sessionToken: string;
  deploymentHash: string;
  fingerprint: unknown;
  capabilities: string[] | undefined;
}

export interface LinkReply {
  agent_id: string;
  agent_token: string;
  deployment_hash: string;
  dashboard_url: string;
}

const DASHBOARD = 'https://try.direct/dashboard/deployments';

export async function linkAgent(
  deps: AgentDeps,
  authenticate: (token: string) => Promise<AuthUser>,
  input: LinkInput,
  meta: RequestMeta,
): Promise<LinkReply> {
  let user: AuthUser;
  try {
    user = await authenticate(input.sessionToken);
  } catch (err) {
    if (err instanceof AppError && err.status === 401) {
      throw forbidden('invalid_session', 'Invalid or expired session. Please login again.');
    }
    throw err;
  }
  const deployment = DEPLOYMENT_HASH_RE.test(input.deploymentHash)
    ? await findDeployment(deps.db, input.deploymentHash)
    : undefined;
  if (deployment === undefined) throw notFound('Deployment', 'deployment_not_found');
  if (deployment.userId !== user.id) throw forbidden('not_owner', 'You do not own this deployment');
  const existing = await findDeploymentAgent(deps.db, input.deploymentHash);
  const capabilities = [
    ...new Set([...(input.capabilities ?? existing?.capabilities ?? []), 'status_panel']),
  ];
  const systemInfo =
    input.fingerprint !== null && typeof input.fingerprint === 'object' && !Array.isArray(input.fingerprint)
      ? (input.fingerprint as Record<string, unknown>)
      : { fingerprint: input.fingerprint ?? null };
  const principal: Principal = { kind: 'user', subject: user.subject, user, token: input.sessionToken };
  const { item } = await registerAgent(
    deps,
    principal,
    {
      deploymentHash: input.deploymentHash,
      agentVersion: existing?.version ?? null,
      capabilities,
      systemInfo,
      rotate: false,
    },
    meta,
  );
  const id = await findDeploymentIdByHash(deps.db, input.deploymentHash);
  await writeAudit(deps.db, {
    actorType: 'user',
    actorId: user.id,
    action: 'agent.linked_via_login',
    target: item.agent_id,
    deploymentHash: input.deploymentHash,
    ...meta,
    at: deps.clock.now(),
    details: { capabilities },
  });
  return {
    agent_id: item.agent_id,
    agent_token: item.agent_token,
    deployment_hash: item.deployment_hash,
    dashboard_url: `${DASHBOARD}/${id ?? ''}`,
  };
}
