import { z } from 'zod';

// Route params and wire views of projects. The CLI deserializes these strictly (projects.md, compat):
// integer ids, strings for the timestamps, and no `null` where it has no Option.

/** Any text: a non-integer id names no project and answers 404 like an unknown one. */
export const projectParams = z.object({ id: z.string().max(64) });

export const projectSchema = z
  .object({
    id: z.number().int(),
    stack_id: z.string(),
    user_id: z.string(),
    name: z.string(),
    metadata: z.record(z.string(), z.unknown()),
    created_at: z.string(),
    updated_at: z.string(),
    source_template_id: z.string().nullable(),
    template_version: z.string().nullable(),
  })
  .meta({
    id: 'Project',
    description:
      'A stack of apps. `metadata` is the normalized ProjectForm; the raw request body is not returned ' +
      '(it can hold environment values).',
  });
export type ProjectView = z.infer<typeof projectSchema>;

export const sharedProjectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.string(),
  shared_at: z.string(),
});

export const projectExample = {
  id: 7,
  stack_id: '3f2c9a7e-1d44-4b8e-9a51-6c0f5e2d8b10',
  user_id: '42',
  name: 'website',
  metadata: {
    custom: {
      custom_stack_code: 'website',
      web: [
        {
          _id: 'app_1',
          name: 'website',
          code: 'website',
          type: 'web',
          restart: 'always',
          custom: true,
          dockerhub_name: 'nginx',
          dockerhub_tag: '1.27',
          shared_ports: [{ host_port: '8080', container_port: '80' }],
        },
      ],
      networks: [{ id: 'cli_net_18c2f', name: 'default_network', driver: 'bridge' }],
    },
  },
  created_at: '2026-12-04T10:00:00.000Z',
  updated_at: '2026-12-04T10:00:00.000Z',
  source_template_id: null,
  template_version: null,
};
