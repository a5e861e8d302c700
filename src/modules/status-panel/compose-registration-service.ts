import { actorOf, isAdmin, type Principal } from '../../auth/principal.js';
import { type AuditActor, writeAudit } from '../../infra/audit/audit-log.js';
import { badRequest, conflict, forbidden, notFound, unauthorized } from '../../infra/http/errors.js';
import { checkComposeUrl } from '../../integrations/compose-agent/index.js';
import type { StatusPanelContext } from './context.js';
import { type ComposeRow, findComposeRowById, setComposeRegistration } from './repository.js';

/*
 * Where a host's compose agent listens and how to sign for it (compose-agent.md). The URL is an
 * address Stacker will call, so only an admin or a service client with `compose:write` may set it —
 * never a plain user — and it must pass the SSRF rules. The token is sealed like agent tokens and
 * never returned.
 */

export const COMPOSE_WRITE_SCOPE = 'compose:write';

export interface ComposeRegistrationInput {
  url: string;
  composeAgentId: string;
  token: string;
}

export interface ComposeRegistrationView {
  agent_id: string;
  deployment_hash: string;
  url: string | null;
  compose_agent_id: string | null;
  registered: boolean;
  last_ok_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

interface Meta {
  ip: string | null;
  userAgent: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function registrationView(row: ComposeRow): ComposeRegistrationView {
  return {
    agent_id: row.id,
    deployment_hash: row.deployment_hash,
    url: row.compose_url,
    compose_agent_id: row.compose_agent_id,
    registered: row.compose_url !== null && row.compose_token_ciphertext !== null,
    last_ok_at: iso(row.compose_last_ok_at),
    last_error: row.compose_last_error,
    last_error_at: iso(row.compose_last_error_at),
  };
}

/** Admins and service clients with the compose scope; the audit row names who it was. */
function authorizeComposeWrite(principal: Principal): AuditActor {
  if (principal.kind === 'client') {
    if (!principal.client.scopes.includes(COMPOSE_WRITE_SCOPE)) {
      throw forbidden('insufficient_scope', `The service client lacks the ${COMPOSE_WRITE_SCOPE} scope.`);
    }
    return actorOf(principal);
  }
  if (principal.kind !== 'user') throw unauthorized();
  if (!isAdmin(principal.user)) throw forbidden('forbidden', 'Only an admin may register a compose agent.');
  return actorOf(principal);
}

async function requireAgent(ctx: StatusPanelContext, agentId: string): Promise<ComposeRow> {
  const row = await findComposeRowById(ctx.db, agentId);
  if (!row) throw notFound('Agent', 'agent_not_found');
  return row;
}

export async function registerComposeAgent(
  ctx: StatusPanelContext,
  principal: Principal,
  agentId: string,
  input: ComposeRegistrationInput,
  meta: Meta,
): Promise<ComposeRegistrationView> {
  const actor = authorizeComposeWrite(principal);
  const agent = await requireAgent(ctx, agentId);
  if (agent.revoked_at !== null) {
    throw conflict('agent_revoked', 'The agent is revoked; register the deployment again first.');
  }
  const checked = checkComposeUrl(input.url, ctx.config.compose);
  if (!checked.ok) {
    throw badRequest('compose_url_refused', checked.detail, [{ path: 'url', message: checked.detail }], {
      reason: checked.reason,
    });
  }
  const now = ctx.clock.now();
  const row = await setComposeRegistration(
    ctx.db,
    agent.id,
    {
      url: checked.baseUrl,
      composeAgentId: input.composeAgentId,
      tokenCiphertext: ctx.secretBox.seal(input.token),
    },
    now,
  );
  if (!row) throw notFound('Agent', 'agent_not_found');
  await writeAudit(ctx.db, {
    action: 'compose_agent.registered',
    ...actor,
    deploymentHash: row.deployment_hash,
    target: row.id,
    outcome: 'ok',
    details: { url: checked.baseUrl, compose_agent_id: input.composeAgentId },
    ip: meta.ip,
    userAgent: meta.userAgent,
    at: now,
  });
  return registrationView(row);
}

export async function removeComposeAgent(
  ctx: StatusPanelContext,
  principal: Principal,
  agentId: string,
  meta: Meta,
): Promise<ComposeRegistrationView> {
  const actor = authorizeComposeWrite(principal);
  const agent = await requireAgent(ctx, agentId);
  const now = ctx.clock.now();
  const row = await setComposeRegistration(ctx.db, agent.id, null, now);
  if (!row) throw notFound('Agent', 'agent_not_found');
  await writeAudit(ctx.db, {
    action: 'compose_agent.removed',
    ...actor,
    deploymentHash: row.deployment_hash,
    target: row.id,
    outcome: agent.compose_url === null ? 'none' : 'ok',
    details: {},
    ip: meta.ip,
    userAgent: meta.userAgent,
    at: now,
  });
  return registrationView(row);
}
