import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../auth/principal.js';
import { item, itemEnvelope, list, listEnvelope } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import type { AdminDecision } from '../templates/index.js';
import {
  decide,
  optionalReasonBody,
  requiredReasonBody,
  reviewDetail,
  reviewQueue,
  reviewQueueQuery,
  templateDeps,
  templateIdParams,
  templateWithVersionSchema,
} from '../templates/index.js';
import { queueItemSchema, reviewDetailSchema } from './templates-schemas.js';

const tags = ['admin: marketplace review'];
const security = [{ bearer: [] }];
const decisionErrors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

const DECISIONS: { path: string; decision: AdminDecision; summary: string; reasonRequired: boolean }[] = [
  {
    path: 'approve',
    decision: 'approve',
    summary: 'Approve the submitted template or version',
    reasonRequired: false,
  },
  {
    path: 'reject',
    decision: 'reject',
    summary: 'Reject (a submitted template or version, or a listed template)',
    reasonRequired: true,
  },
  {
    path: 'needs-changes',
    decision: 'needs_changes',
    summary: 'Send a submitted template back for changes',
    reasonRequired: true,
  },
  {
    path: 'unapprove',
    decision: 'unapprove',
    summary: 'Unlist an approved template (back to submitted)',
    reasonRequired: false,
  },
];

/** Admins review marketplace templates: the queue, the full detail, and the four decisions. */
export async function adminTemplateRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = templateDeps(app);

  app.get(
    '/api/admin/templates',
    {
      schema: {
        tags,
        security,
        summary: 'The review queue: submitted templates and submitted versions first',
        querystring: reviewQueueQuery,
        response: { 200: listEnvelope(queueItemSchema), 400: problemSchema },
      },
    },
    async (request) => {
      const page = await reviewQueue(app.db, request.query);
      return list(page.items, { next_cursor: page.nextCursor });
    },
  );

  app.get(
    '/api/admin/templates/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A template with all its versions and its review history',
        params: templateIdParams,
        response: { 200: itemEnvelope(reviewDetailSchema), 404: problemSchema },
      },
    },
    async (request) => item(await reviewDetail(app.db, request.params.id)),
  );

  for (const d of DECISIONS) {
    app.post(
      `/api/admin/templates/:id/${d.path}`,
      {
        schema: {
          tags,
          security,
          summary: d.summary,
          params: templateIdParams,
          body: d.reasonRequired ? requiredReasonBody : optionalReasonBody,
          response: { 200: itemEnvelope(templateWithVersionSchema), ...decisionErrors },
        },
      },
      async (request) => {
        const reviewer = requireUser(request);
        const reason = request.body?.reason ?? null;
        const result = await decide(deps, reviewer.id, request.params.id, d.decision, reason);
        return item(result, `Decision recorded: ${d.decision}`);
      },
    );
  }
}
