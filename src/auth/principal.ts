import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../infra/audit/audit-log.js';
import { unauthorized } from '../infra/http/errors.js';
import type { UserProfile } from '../integrations/user-service/index.js';

/** A signed-in user as the User Service describes them (normalised), plus the Casbin subject. */
export interface AuthUser extends UserProfile {
  /** The Casbin subject the User Service role maps to (ROLE_MAP): group_user, group_admin or root. */
  subject: string;
}

export interface AuthAgent {
  id: string;
  deploymentHash: string;
}

export interface AuthClient {
  id: number;
  name: string;
  scopes: string[];
}

/** Who is calling. `subject` is what Casbin is asked about. */
export type Principal =
  | { kind: 'anonymous'; subject: 'anonym' }
  | { kind: 'user'; subject: string; user: AuthUser; token: string }
  | { kind: 'agent'; subject: 'agent'; agent: AuthAgent }
  | { kind: 'client'; subject: 'client'; client: AuthClient };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

export const ANONYMOUS: Principal = { kind: 'anonymous', subject: 'anonym' };

/** Who an audit row names for this caller. */
export function actorOf(principal: Principal): AuditActor {
  switch (principal.kind) {
    case 'user':
      return { actorType: 'user', actorId: principal.user.id };
    case 'client':
      return { actorType: 'client', actorId: String(principal.client.id) };
    case 'agent':
      return { actorType: 'agent', actorId: principal.agent.id };
    default:
      return { actorType: 'anonymous', actorId: null };
  }
}

export function requireUser(request: FastifyRequest): AuthUser {
  const p = request.principal;
  if (p.kind !== 'user') throw unauthorized('unauthorized', 'A user bearer token is required.');
  return p.user;
}

export function isAdmin(user: AuthUser): boolean {
  return user.subject === 'group_admin' || user.subject === 'root';
}
