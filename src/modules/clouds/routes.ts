import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../auth/principal.js';
import { item, itemEnvelope, list, listEnvelope, messageOnly } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import {
  type CloudDeps,
  createCloud,
  deleteCloud,
  getCloud,
  listClouds,
  updateCloud,
} from './crud-service.js';
import { cloudExample, cloudForm, cloudParams, cloudSchema } from './schemas.js';

export type CloudDepsFactory = (request: FastifyRequest) => CloudDeps;

const cloudItem = (message: string) =>
  itemEnvelope(cloudSchema).meta({ examples: [{ message, item: cloudExample }] });
const MASK_NOTE = ' Credentials in the reply are masked (first 6 characters and `****`).';

/** Saved clouds (clouds-servers.md, "Clouds"): the caller's rows only, anyone else's cloud is 404. */
export async function cloudRoutes(instance: FastifyInstance, opts: { deps: CloudDepsFactory }) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['clouds'];
  const security = [{ bearer: [] }];

  app.get(
    '/cloud',
    {
      schema: {
        tags,
        summary: 'Your saved clouds (the whole list, no pagination)',
        description: `The CLI scans it for a provider or name, case-insensitively.${MASK_NOTE}`,
        security,
        response: {
          200: listEnvelope(cloudSchema).meta({ examples: [{ message: 'OK', list: [cloudExample] }] }),
        },
      },
    },
    async (request) => list(await listClouds(opts.deps(request), requireUser(request)), undefined, 'OK'),
  );

  app.get(
    '/cloud/:id',
    {
      schema: {
        tags,
        summary: 'One saved cloud',
        description: `Someone else's cloud, or an id that is not an integer, is 404.${MASK_NOTE}`,
        security,
        params: cloudParams,
        response: { 200: cloudItem('OK'), 404: problemSchema },
      },
    },
    async (request) =>
      item(await getCloud(opts.deps(request), requireUser(request), request.params.id), 'OK'),
  );

  app.post(
    '/cloud',
    {
      schema: {
        tags,
        summary: 'Save a cloud',
        description:
          'A missing name becomes `{provider}-{id}`; a name you already use is 409 `cloud_name_taken`; ' +
          `\`save_token\` without a token, or a key and its secret, is 400.${MASK_NOTE}`,
        security,
        body: cloudForm,
        response: { 200: cloudItem('success'), 409: problemSchema },
      },
    },
    async (request) =>
      item(await createCloud(opts.deps(request), requireUser(request), request.body), 'success'),
  );

  app.put(
    '/cloud/:id',
    {
      schema: {
        tags,
        summary: 'Replace a saved cloud',
        description:
          'Replaces the provider, the name and all three credentials: an absent credential becomes null, ' +
          `an absent name "".${MASK_NOTE}`,
        security,
        params: cloudParams,
        body: cloudForm,
        response: { 200: cloudItem('success'), 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) =>
      item(
        await updateCloud(opts.deps(request), requireUser(request), request.params.id, request.body),
        'success',
      ),
  );

  app.delete(
    '/cloud/:id',
    {
      schema: {
        tags,
        summary: 'Delete a saved cloud',
        description: 'Your servers on it keep running; their `cloud_id` becomes null.',
        security,
        params: cloudParams,
        response: { 200: messageOnly.meta({ examples: [{ message: 'Deleted' }] }), 404: problemSchema },
      },
    },
    async (request) => {
      await deleteCloud(opts.deps(request), requireUser(request), request.params.id);
      return { message: 'Deleted' };
    },
  );
}
