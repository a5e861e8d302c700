import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../auth/principal.js';
import { item, itemEnvelope } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import {
  appParams,
  secretDeletedSchema,
  secretMetaSchema,
  secretParams,
  secretValueBody,
} from './apps-schemas.js';
import type { ProjectDepsFactory } from './routes.js';
import { deleteAppSecret, getAppSecret, listAppSecrets, putAppSecret } from './secrets-service.js';

const NOT_FOUND = { 404: problemSchema };

const secretList = z.object({
  message: z.string(),
  list: z.array(secretMetaSchema),
  meta: z.object({ project_id: z.number().int(), app_code: z.string() }),
});

/** Service secrets of an app (`stacker secrets … --scope service`); values are never returned. */
export async function secretRoutes(
  instance: FastifyInstance,
  opts: { deps: ProjectDepsFactory; base: string },
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const security = [{ bearer: [] }];
  const secrets = `${opts.base}/:id/apps/:code/secrets`;

  app.get(
    secrets,
    {
      schema: {
        tags,
        summary: "An app's service secrets (names only)",
        security,
        params: appParams,
        response: { 200: secretList, ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code } = request.params;
      const found = await listAppSecrets(opts.deps(request), requireUser(request), id, code);
      return {
        message: 'OK',
        list: found.secrets,
        meta: { project_id: found.projectId, app_code: found.appCode },
      };
    },
  );

  app.get(
    `${secrets}/:name`,
    {
      schema: {
        tags,
        summary: "One service secret's metadata",
        description: '404 "Secret not found" when it is not set.',
        security,
        params: secretParams,
        response: { 200: itemEnvelope(secretMetaSchema), ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code, name } = request.params;
      return item(await getAppSecret(opts.deps(request), requireUser(request), id, code, name), 'OK');
    },
  );

  app.put(
    `${secrets}/:name`,
    {
      schema: {
        tags,
        summary: 'Set a service secret',
        description: 'The value is stored encrypted and never returned.',
        security,
        params: secretParams,
        body: secretValueBody,
        response: { 200: itemEnvelope(secretMetaSchema), ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code, name } = request.params;
      const user = requireUser(request);
      return item(await putAppSecret(opts.deps(request), user, id, code, name, request.body.value), 'OK');
    },
  );

  app.delete(
    `${secrets}/:name`,
    {
      schema: {
        tags,
        summary: 'Delete a service secret',
        security,
        params: secretParams,
        response: { 200: secretDeletedSchema, ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code, name } = request.params;
      await deleteAppSecret(opts.deps(request), requireUser(request), id, code, name);
      return { message: 'OK', meta: { deleted: true as const, name, scope: 'service' as const } };
    },
  );
}
