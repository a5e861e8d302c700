import { z } from 'zod';

// Route params, the CloudForm and the wire view of a saved cloud (clouds-servers.md, "Clouds"). The CLI
// reads CloudInfo strictly: integer `id`, strings for `user_id`, `provider` and `name` (never null).

/** Any text: a non-integer id names no cloud and answers 404 like an unknown one. */
export const cloudParams = z.object({ id: z.string().max(64) });

const credential = z.string().max(4096).nullish();

export const cloudForm = z
  .object({
    provider: z.string().min(2).max(50),
    name: z.string().max(255).nullish(),
    cloud_token: credential,
    cloud_key: credential,
    cloud_secret: credential,
    save_token: z.boolean().nullish(),
  })
  .meta({
    id: 'CloudForm',
    description:
      'A provider and its credentials. `user_id` and `project_id` are accepted and ignored. Credentials ' +
      'are always stored encrypted; `save_token` means "keep them for later deploys".',
    examples: [
      { provider: 'htz', name: 'hetzner-main', cloud_token: 'hcloud-token-value', save_token: true },
    ],
  });
export type CloudForm = z.infer<typeof cloudForm>;

export const cloudSchema = z
  .object({
    id: z.number().int(),
    user_id: z.string(),
    name: z.string(),
    provider: z.string(),
    cloud_token: z.string().nullable(),
    cloud_key: z.string().nullable(),
    cloud_secret: z.string().nullable(),
    save_token: z.boolean().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({
    id: 'Cloud',
    description:
      'A saved cloud. Each credential is masked: its first 6 characters and `****` (`****` alone when it ' +
      'no longer decrypts); an absent one is null.',
  });
export type CloudView = z.infer<typeof cloudSchema>;

export const cloudExample: CloudView = {
  id: 3,
  user_id: '42',
  name: 'hetzner-main',
  provider: 'htz',
  cloud_token: 'hcloud****',
  cloud_key: null,
  cloud_secret: null,
  save_token: true,
  created_at: '2026-12-04T10:00:00.000Z',
  updated_at: '2026-12-04T10:00:00.000Z',
};
