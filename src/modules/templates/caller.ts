import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireUser } from '../../auth/principal.js';
import type { TemplateDeps, Vendor } from './service.js';

/** The signed-in caller as a vendor: the name buyers see is their full name, else their email. */
export function vendorOf(request: FastifyRequest): Vendor {
  const user = requireUser(request);
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ').trim();
  return { id: user.id, name: fullName || user.email || null };
}

export function templateDeps(app: FastifyInstance): TemplateDeps {
  return { db: app.db, secretBox: app.secretBox, clock: app.clock };
}
