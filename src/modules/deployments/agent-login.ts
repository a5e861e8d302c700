import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, forbidden } from '../../infra/http/errors.js';
import { problemSchema } from '../../infra/http/problem.js';
import { type UserServiceClient, UserServiceRejectedError } from '../../integrations/user-service/index.js';
import { listLiveDeploymentsOfUser } from './lifecycle-repository.js';

/*
 * `POST /api/v1/agent/login` (deployment-lifecycle.md): the agent's local UI signs the user in through
 * the User Service (`/auth/login`, then `/me` with the token it got) and shows their deployments to pick
 * one to link. The reply is flat (no envelope), as the agent's LoginResponse reads it.
 */

const loginBody = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

const loginReply = z
  .object({
    session_token: z.string(),
    user_id: z.string(),
    deployments: z.array(
      z.object({
        deployment_id: z.string(),
        stack_name: z.string(),
        status: z.string(),
        created_at: z.string().optional(),
        server_ip: z.string().optional(),
      }),
    ),
  })
  .meta({
    id: 'AgentLogin',
    example: {
      session_token: '<User Service access token>',
      user_id: '3',
      deployments: [
        {
          deployment_id: 'deployment_0b6d…',
          stack_name: 'shop',
          status: 'completed',
          created_at: '2026-12-04 20:15',
        },
      ],
    },
  });

const pad = (n: number) => String(n).padStart(2, '0');
const minuteStamp = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

export function agentLoginRoutes(deps: { db: FastifyInstance['db']; userService: UserServiceClient }) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/v1/agent/login',
      {
        config: { authenticate: false },
        schema: {
          tags: ['agents'],
          summary: "Sign in from the agent's local UI and list your deployments",
          description:
            'Anonymous: the email and password go to the User Service. Refused: 403 "Authentication failed ' +
            '(<status>)"; the User Service unreachable: 500. `deployments` are your 50 newest that are not ' +
            'deleted. The reply has no envelope.',
          body: loginBody,
          response: { 200: loginReply, 403: problemSchema, 500: problemSchema },
        },
      },
      async (request) => {
        let token: string;
        let userId: string;
        try {
          token = await deps.userService.login(request.body.email, request.body.password);
        } catch (err) {
          if (err instanceof UserServiceRejectedError) {
            throw forbidden('authentication_failed', `Authentication failed (${err.status})`);
          }
          throw new AppError(500, 'login_unavailable', 'The User Service could not be reached to sign in.');
        }
        try {
          userId = (await deps.userService.getMe(token)).id;
        } catch {
          throw new AppError(500, 'login_unavailable', 'The User Service could not confirm the session.');
        }
        const rows = await listLiveDeploymentsOfUser(deps.db, userId, 50);
        return {
          session_token: token,
          user_id: userId,
          deployments: rows.map((r) => {
            const name = r.metadata?.project_name;
            const ip = r.metadata?.server_ip;
            return {
              deployment_id: r.deployment_hash,
              stack_name: typeof name === 'string' && name !== '' ? name : 'Unknown Stack',
              status: r.status,
              created_at: minuteStamp(r.created_at),
              ...(typeof ip === 'string' && ip !== '' ? { server_ip: ip } : {}),
            };
          }),
        };
      },
    );
  };
}
