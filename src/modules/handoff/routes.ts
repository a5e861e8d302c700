import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../auth/principal.js';
import { item, itemEnvelope } from '../../infra/http/envelope.js';
import { problemSchema } from '../../infra/http/problem.js';
import { mintBody, mintedSchema, payloadSchema, resolveBody } from './schemas.js';
import {
  type HandoffDeps,
  type Minter,
  mintAccountHandoff,
  mintDeploymentHandoff,
  resolveHandoff,
} from './service.js';

/** Dashboard → CLI handoff: mint (signed in) and resolve (the token is the credential). */
export async function handoffRoutes(
  instance: FastifyInstance,
  opts: { deps: HandoffDeps; publicUrl: string | undefined },
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['handoff'];

  const minterOf = (request: FastifyRequest): Minter => {
    const origin = `${request.protocol}://${request.host}`;
    return {
      user: requireUser(request),
      token: request.principal.kind === 'user' ? request.principal.token : undefined,
      origin,
      serverUrl: opts.publicUrl ?? origin,
    };
  };
  const MINT_NOTE =
    ' The token (40 characters, single use, 2 h) is kept only as its SHA-256; the payload carries your ' +
    "bearer as the CLI's login and is stored encrypted.";

  app.post(
    '/api/v1/handoff/mint',
    {
      schema: {
        tags,
        summary: 'Mint a CLI handoff for one of your deployments',
        description: `By \`deployment_id\` or \`deployment_hash\`; someone else's deployment is 404.${MINT_NOTE}`,
        security: [{ bearer: [] }],
        body: mintBody,
        response: { 200: itemEnvelope(mintedSchema), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const body = request.body ?? {};
      const minted = await mintDeploymentHandoff(opts.deps, minterOf(request), {
        deploymentId: body.deployment_id ?? undefined,
        deploymentHash: body.deployment_hash ?? undefined,
      });
      return item(minted, 'CLI handoff minted');
    },
  );

  app.post(
    '/api/v1/handoff/mint/account',
    {
      schema: {
        tags,
        summary: 'Mint a CLI handoff of your account (no deployment)',
        description: MINT_NOTE.trim(),
        security: [{ bearer: [] }],
        response: { 200: itemEnvelope(mintedSchema) },
      },
    },
    async (request) => item(await mintAccountHandoff(opts.deps, minterOf(request)), 'CLI handoff minted'),
  );

  app.post(
    '/api/v1/handoff/resolve',
    {
      config: { authenticate: false },
      schema: {
        tags,
        summary: 'Resolve a CLI handoff token (once)',
        description:
          'Anonymous: the token is the credential. The first resolve, on any instance, consumes it; a ' +
          'second one, an unknown or an expired token is 404 "Handoff token not found".',
        security: [],
        body: resolveBody,
        response: { 200: itemEnvelope(payloadSchema), 404: problemSchema },
      },
    },
    async (request) => item(await resolveHandoff(opts.deps, request.body.token), 'CLI handoff resolved'),
  );
}
