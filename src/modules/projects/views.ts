import type { ProjectRecord } from './repository.js';
import type { ProjectView } from './schemas.js';

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

/** The Project JSON; `request_json` stays in the database (it can hold environment values). */
export function projectView(p: ProjectRecord): ProjectView {
  return {
    id: p.id,
    stack_id: p.stack_id,
    user_id: p.user_id,
    name: p.name,
    metadata: p.metadata,
    created_at: iso(p.created_at),
    updated_at: iso(p.updated_at),
    source_template_id: p.template_id,
    template_version: p.template_version,
  };
}
