import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { syncCategories } from '../../../src/modules/categories/sync-service.js';
import { moveTemplatesToCategory } from '../../../src/modules/templates/index.js';
import type { TestApp } from '../../helpers/app.js';
import { bearer, type DevUser } from '../../helpers/auth.js';

// Shared steps of the marketplace tests: they go through HTTP with the emulator's seeded tokens.

export const CLEAN_YAML = [
  'services:',
  '  db:',
  '    image: postgres:16',
  '    environment:',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a compose variable reference, not a JS placeholder
  '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
  '      POSTGRES_USER: app',
  '',
].join('\n');

export const SECRET_YAML = [
  'services:',
  '  db:',
  '    image: postgres:16',
  '    environment:',
  '      POSTGRES_PASSWORD: hunter2-very-secret',
  '',
].join('\n');

export async function call(
  t: TestApp,
  user: DevUser | null,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: user ? bearer(user) : {},
    ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
  });
}

/** Loads the emulator's categories (web, ai, databases, devops) into the test database. */
export async function loadCategories(t: TestApp): Promise<void> {
  await syncCategories({
    db: t.app.db,
    clock: t.app.clock,
    userService: t.userServiceClient,
    moveTemplates: moveTemplatesToCategory,
  });
}

let counter = 0;
export const uniqueSlug = (prefix = 'tpl') => `${prefix}-${process.pid}-${++counter}`;

export interface Created {
  id: string;
  slug: string;
  body: Record<string, unknown>;
}

/** A draft owned by `user`, with a clean first version. */
export async function createDraft(
  t: TestApp,
  user: DevUser = 'vendor',
  extra: Record<string, unknown> = {},
): Promise<Created> {
  const slug = uniqueSlug();
  const res = await call(t, user, 'POST', '/api/templates', {
    name: `Template ${slug}`,
    slug,
    short_description: 'A blog with a database',
    tags: ['blog', 'cms'],
    version: '1.0.0',
    stack_definition: CLEAN_YAML,
    listing: { price: 0, billing_cycle: 'free', currency: 'USD' },
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return { id: body.item.template.id, slug, body };
}

export async function submit(t: TestApp, id: string, user: DevUser = 'vendor') {
  return call(t, user, 'POST', `/api/templates/${id}/submit`, { confirm_no_secrets: true });
}

export async function decide(
  t: TestApp,
  id: string,
  action: string,
  reason?: string,
  user: DevUser = 'admin',
) {
  return call(
    t,
    user,
    'POST',
    `/api/admin/templates/${id}/${action}`,
    reason === undefined ? {} : { reason },
  );
}

/** A draft taken all the way to listed. */
export async function createListed(t: TestApp, extra: Record<string, unknown> = {}): Promise<Created> {
  const created = await createDraft(t, 'vendor', extra);
  const submitted = await submit(t, created.id);
  if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.body}`);
  const approved = await decide(t, created.id, 'approve');
  if (approved.statusCode !== 200) throw new Error(`approve failed: ${approved.body}`);
  return created;
}

export async function outboxRows(t: TestApp, templateId: string) {
  return t.app.db
    .selectFrom('outbox')
    .select(['id', 'topic', 'ordering_key', 'sequence', 'payload'])
    .where('ordering_key', '=', templateId)
    .orderBy('sequence')
    .execute();
}
