import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../auth/principal.js';
import { item, itemEnvelope, list, listEnvelope } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import {
  deleteAppEnvVar,
  getAppConfig,
  getAppEnv,
  updateAppDomain,
  updateAppEnv,
  updateAppPorts,
} from './app-settings-service.js';
import {
  appConfigSchema,
  appEnvSchema,
  appParams,
  deploymentHashQuery,
  domainUpdatedSchema,
  envUpdatedSchema,
  envVarParams,
  portsUpdatedSchema,
  projectAppSchema,
  successSchema,
  updateDomainBody,
  updateEnvBody,
  updatePortsBody,
  upsertAppBody,
} from './apps-schemas.js';
import { deleteApp, getApp, listApps, upsertApp } from './apps-service.js';
import type { ProjectDepsFactory } from './routes.js';
import { projectParams } from './schemas.js';

const NOT_FOUND = { 404: problemSchema };
const NEXT_RESTART = ' No agent command is sent: the change takes effect on the next restart.';

/** The apps of a project (projects.md, "Apps"); environment values are redacted in every read. */
export async function appRoutes(instance: FastifyInstance, opts: { deps: ProjectDepsFactory; base: string }) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const security = [{ bearer: [] }];
  const apps = `${opts.base}/:id/apps`;
  const one = `${apps}/:code`;

  app.get(
    apps,
    {
      schema: {
        tags,
        summary: "A project's apps (every row, in deploy order)",
        security,
        params: projectParams,
        response: { 200: listEnvelope(projectAppSchema), ...NOT_FOUND },
      },
    },
    async (request) =>
      list(await listApps(opts.deps(request), requireUser(request), request.params.id), undefined, 'OK'),
  );

  app.post(
    apps,
    {
      schema: {
        tags,
        summary: 'Create or update an app by code',
        description:
          'JSON members (env, ports, volumes, depends_on, …) are stored as sent. 409 when an env key is ' +
          'already a service secret of the app. With `deployment_hash`, the rendered config is also kept ' +
          'for that deployment.',
        security,
        params: projectParams,
        body: upsertAppBody,
        response: { 200: itemEnvelope(projectAppSchema), 409: problemSchema, ...NOT_FOUND },
      },
    },
    async (request) =>
      item(await upsertApp(opts.deps(request), requireUser(request), request.params.id, request.body), 'OK'),
  );

  app.get(
    one,
    {
      schema: {
        tags,
        summary: 'One app',
        security,
        params: appParams,
        response: { 200: itemEnvelope(projectAppSchema), ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code } = request.params;
      return item(await getApp(opts.deps(request), requireUser(request), id, code), 'OK');
    },
  );

  app.delete(
    one,
    {
      schema: {
        tags,
        summary: 'Remove an app',
        description: "With `deployment_hash`, that deployment's rendered config is removed as well.",
        security,
        params: appParams,
        querystring: deploymentHashQuery,
        response: { 200: itemEnvelope(successSchema), ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code } = request.params;
      const user = requireUser(request);
      return item(await deleteApp(opts.deps(request), user, id, code, request.query.deployment_hash), 'OK');
    },
  );

  app.get(
    `${one}/config`,
    {
      schema: {
        tags,
        summary: "An app's configuration (environment redacted)",
        security,
        params: appParams,
        response: { 200: itemEnvelope(appConfigSchema), ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code } = request.params;
      return item(await getAppConfig(opts.deps(request), requireUser(request), id, code), 'OK');
    },
  );

  app.get(
    `${one}/env`,
    {
      schema: {
        tags,
        summary: "An app's environment variables (redacted)",
        security,
        params: appParams,
        response: { 200: itemEnvelope(appEnvSchema), ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code } = request.params;
      return item(await getAppEnv(opts.deps(request), requireUser(request), id, code), 'OK');
    },
  );

  app.put(
    `${one}/env`,
    {
      schema: {
        tags,
        summary: "Merge variables into an app's environment",
        description: `409 for a key that is a service secret.${NEXT_RESTART}`,
        security,
        params: appParams,
        body: updateEnvBody,
        response: { 200: itemEnvelope(envUpdatedSchema), 409: problemSchema, ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code } = request.params;
      const user = requireUser(request);
      return item(await updateAppEnv(opts.deps(request), user, id, code, request.body.variables), 'OK');
    },
  );

  app.delete(
    `${one}/env/:name`,
    {
      schema: {
        tags,
        summary: 'Remove one environment variable',
        description: NEXT_RESTART.trim(),
        security,
        params: envVarParams,
        response: { 200: itemEnvelope(successSchema), ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code, name } = request.params;
      return item(await deleteAppEnvVar(opts.deps(request), requireUser(request), id, code, name), 'OK');
    },
  );

  app.put(
    `${one}/ports`,
    {
      schema: {
        tags,
        summary: "Replace an app's port mappings",
        description: NEXT_RESTART.trim(),
        security,
        params: appParams,
        body: updatePortsBody,
        response: { 200: itemEnvelope(portsUpdatedSchema), ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code } = request.params;
      const user = requireUser(request);
      return item(await updateAppPorts(opts.deps(request), user, id, code, request.body.ports), 'OK');
    },
  );

  app.put(
    `${one}/domain`,
    {
      schema: {
        tags,
        summary: "Set an app's domain and SSL",
        description: NEXT_RESTART.trim(),
        security,
        params: appParams,
        body: updateDomainBody,
        response: { 200: itemEnvelope(domainUpdatedSchema), ...NOT_FOUND },
      },
    },
    async (request) => {
      const { id, code } = request.params;
      return item(
        await updateAppDomain(opts.deps(request), requireUser(request), id, code, request.body),
        'OK',
      );
    },
  );
}
