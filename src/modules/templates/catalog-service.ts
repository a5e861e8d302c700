import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { type CatalogFilter, findListedBySlug, searchCatalog } from './catalog-query.js';
import { templateNotFound } from './errors.js';
import { listTemplatesOfCreator } from './mine-query.js';
import { incrementViewCount } from './repository.js';
import type { TemplateWithVersion } from './service.js';
import { findVersionById, latestVersionsOf } from './version-repository.js';
import { type TemplateView, templateView, versionView } from './views.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** GET /api/templates (and the CLI's /api/v1/marketplace/applications). */
export async function listCatalog(db: Kysely<Database>, filter: CatalogFilter): Promise<Page<TemplateView>> {
  const { rows, nextCursor } = await searchCatalog(db, filter);
  return { items: rows.map(templateView), nextCursor };
}

/**
 * GET /api/templates/:slug — a listed template with its approved version (not a newer one still in
 * review), its definition redacted for the public. Anything not listed is 404.
 */
export async function getListedTemplate(db: Kysely<Database>, slug: string): Promise<TemplateWithVersion> {
  const template = await findListedBySlug(db, slug);
  if (template === undefined) throw templateNotFound();
  const version = template.approved_version_id
    ? await findVersionById(db, template.approved_version_id)
    : undefined;
  await incrementViewCount(db, template.id);
  return {
    template: templateView(template),
    latest_version: version ? versionView(version, { redact: true }) : null,
  };
}

/** GET /api/templates/mine — every status, each with its latest version (unredacted: it is theirs). */
export async function listMine(
  db: Kysely<Database>,
  userId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<TemplateWithVersion>> {
  const { rows, nextCursor } = await listTemplatesOfCreator(db, userId, page);
  const latest = await latestVersionsOf(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => {
    const version = latest.get(r.id);
    return { template: templateView(r), latest_version: version ? versionView(version) : null };
  });
  return { items, nextCursor };
}
