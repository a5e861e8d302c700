import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { z } from 'zod';

export type CheckStatus = 'ok' | 'down' | 'degraded' | 'not_configured';
export type HealthCheck = () => Promise<CheckStatus> | CheckStatus;

declare module 'fastify' {
  interface FastifyInstance {
    /** Features add their dependency checks here (amqp, user_service, ...). */
    healthChecks: Map<string, HealthCheck>;
  }
}

const CHECK_TIMEOUT_MS = 2_000;

async function run(check: HealthCheck): Promise<CheckStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckStatus>((resolve) => {
    timer = setTimeout(() => resolve('down'), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

const healthReply = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  checks: z.record(z.string(), z.enum(['ok', 'down', 'degraded', 'not_configured'])),
});

/** `GET /health_check`: 200 while the database answers (other dependencies only degrade), else 503. */
export const healthPlugin = fp(
  async (app: FastifyInstance) => {
    const checks = new Map<string, HealthCheck>();
    checks.set('db', async (): Promise<CheckStatus> => {
      await sql`select 1`.execute(app.db);
      return 'ok';
    });
    checks.set('amqp', () => 'not_configured');
    checks.set('user_service', () => 'not_configured');
    app.decorate('healthChecks', checks);

    app.get(
      '/health_check',
      {
        config: { authenticate: false },
        schema: {
          tags: ['service'],
          summary: 'Liveness and dependency status',
          response: { 200: healthReply, 503: healthReply },
        },
      },
      async (_request, reply) => {
        const names = [...checks.keys()];
        const results = await Promise.all(names.map((name) => run(checks.get(name)!)));
        const report = Object.fromEntries(names.map((name, i) => [name, results[i]!]));
        const dbDown = report.db !== 'ok';
        const anyDown = results.some((r) => r === 'down' || r === 'degraded');
        reply.code(dbDown ? 503 : 200);
        return { status: dbDown ? 'down' : anyDown ? 'degraded' : 'ok', checks: report } as const;
      },
    );
  },
  { name: 'health', dependencies: ['db'] },
);
