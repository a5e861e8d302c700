import { z } from 'zod';

export const mintBody = z
  .object({
    deployment_id: z.number().int().min(1).max(2_147_483_647).nullish(),
    deployment_hash: z.string().trim().max(128).nullish(),
  })
  .nullish();

export const resolveBody = z.object({ token: z.string().trim().min(1).max(256) });

export const mintedSchema = z
  .object({ token: z.string(), url: z.string(), command: z.string(), expires_at: z.string() })
  .meta({
    id: 'HandoffLink',
    example: {
      token: 'Q3xv9PZk2m8TnR4bW7cY1dF6gH0jK5lM9pN2qS4t',
      url: 'https://stacker.try.direct/handoff#Q3xv9PZk2m8TnR4bW7cY1dF6gH0jK5lM9pN2qS4t',
      command: 'stacker connect --handoff Q3xv9PZk2m8TnR4bW7cY1dF6gH0jK5lM9pN2qS4t',
      expires_at: '2026-12-04T22:15:00.000Z',
    },
  });

export const payloadSchema = z
  .object({
    kind: z.enum(['deployment', 'account']),
    version: z.literal(1),
    expires_at: z.string(),
    project: z.object({ id: z.number().int(), name: z.string(), identity: z.string().optional() }),
    deployment: z.object({ id: z.number().int(), hash: z.string(), target: z.string(), status: z.string() }),
    server: z
      .object({
        ip: z.string().optional(),
        ssh_user: z.string().optional(),
        ssh_port: z.number().int().optional(),
        name: z.string().optional(),
      })
      .optional(),
    cloud: z
      .object({ id: z.number().int(), provider: z.string().optional(), region: z.string().optional() })
      .optional(),
    lockfile: z.record(z.string(), z.unknown()),
    stacker_yml: z.string().optional(),
    agent: z.object({ base_url: z.string(), deployment_hash: z.string() }).optional(),
    credentials: z
      .object({
        access_token: z.string(),
        token_type: z.literal('Bearer'),
        expires_at: z.string(),
        email: z.string().optional(),
        server_url: z.string().optional(),
      })
      .optional(),
  })
  .meta({
    id: 'HandoffPayload',
    example: {
      kind: 'deployment',
      version: 1,
      expires_at: '2026-12-04T22:15:00.000Z',
      project: { id: 7, name: 'shop', identity: 'shop' },
      deployment: { id: 12, hash: 'deployment_0b6d…', target: 'server', status: 'completed' },
      server: { ip: '203.0.113.10', ssh_user: 'root', ssh_port: 22, name: 'shop-1' },
      lockfile: { target: 'server', server_ip: '203.0.113.10', deployed_at: '2026-12-04T20:00:00.000Z' },
      agent: { base_url: 'http://203.0.113.10:8080', deployment_hash: 'deployment_0b6d…' },
    },
  });
