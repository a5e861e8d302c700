import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../infra/http/errors.js';

/** A signed-in user as the User Service describes them (normalised). */
export interface AuthUser {
  id: string;
  email: string | null;
  /** The User Service role, as sent. */
  role: string;
  /** The Casbin subject the role maps to (ROLE_MAP): group_user, group_admin or root. */
  subject: string;
  plan: string | null;
  firstName: string | null;
  lastName: string | null;
  products: {
    productId: string | null;
    productType: string | null;
    code: string | null;
    externalId: string | null;
    name: string | null;
    price: number | null;
    ownedSince: string | null;
  }[];
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

export function requireUser(request: FastifyRequest): AuthUser {
  const p = request.principal;
  if (p.kind !== 'user') throw unauthorized('unauthorized', 'A user bearer token is required.');
  return p.user;
}

export function isAdmin(user: AuthUser): boolean {
  return user.subject === 'group_admin' || user.subject === 'root';
}
