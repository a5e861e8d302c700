import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../auth/principal.js';
import { item, itemEnvelope } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import {
  deploymentEventFeedSchema,
  deploymentStateSchema,
  deployPlanSchema,
  planQuery,
} from './lifecycle-schemas.js';
import { hashParams } from './schemas.js';
import { deploymentEvents, deploymentPlan, deploymentState, type LifecycleDeps } from './state-service.js';

const TYPED_NOTE =
  ' Errors are problem+json bodies that also carry the typed envelope (`schemaVersion`, `retryable`, ' +
  "`remediationClass`, `context`); someone else's deployment is 404 `deployment_not_found`.";

/** A deployment's state, events and plan, as `stacker deployments state|events|plan` reads them. */
export async function lifecycleRoutes(instance: FastifyInstance, opts: { deps: LifecycleDeps }) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['deployments'];
  const security = [{ bearer: [] }];

  app.get(
    '/api/v1/deployments/:deployment_hash/state',
    {
      schema: {
        tags,
        summary: "A deployment's state: project, agent, runtime paths, apps, drift, last command",
        description: `camelCase, read strictly by the CLI.${TYPED_NOTE}`,
        security,
        params: hashParams,
        response: { 200: itemEnvelope(deploymentStateSchema), 404: problemSchema },
      },
    },
    async (request) =>
      item(await deploymentState(opts.deps, requireUser(request), request.params.deployment_hash)),
  );

  app.get(
    '/api/v1/deployments/:deployment_hash/events',
    {
      schema: {
        tags,
        summary: "A deployment's events, derived from its status and its commands",
        description:
          'One `deployment_status` event from the status message, and per command `command_queued` plus ' +
          'one for its status unless still queued; ordered by time, then queued < sent < executing < final.' +
          TYPED_NOTE,
        security,
        params: hashParams,
        response: { 200: itemEnvelope(deploymentEventFeedSchema), 404: problemSchema },
      },
    },
    async (request) =>
      item(await deploymentEvents(opts.deps, requireUser(request), request.params.deployment_hash)),
  );

  app.get(
    '/api/v1/deployments/:deployment_hash/plan',
    {
      schema: {
        tags,
        summary: 'A read-only deploy plan with a fingerprint of its inputs',
        description:
          'Send the fingerprint back as `expectedFingerprint`: a mismatch is 409 `plan_stale` with both ' +
          'fingerprints in `context`. 400 `invalid_request` (unknown appCode) or `rollback_target_unavailable`.' +
          TYPED_NOTE,
        security,
        params: hashParams,
        querystring: planQuery,
        response: {
          200: itemEnvelope(deployPlanSchema),
          400: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) =>
      item(
        await deploymentPlan(opts.deps, requireUser(request), request.params.deployment_hash, request.query),
      ),
  );
}
