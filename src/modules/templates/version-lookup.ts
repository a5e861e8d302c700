import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';
import { findVersionByNumber } from './version-repository.js';

/** A template version's stack definition as stored (YAML text or a JSON object), for a project rollback. */
export async function findTemplateVersionDefinition(
  db: Kysely<Database>,
  templateId: string,
  version: string,
): Promise<{ definition: unknown; format: 'yaml' | 'json' } | undefined> {
  const row = await findVersionByNumber(db, templateId, version);
  return row === undefined ? undefined : { definition: row.stack_definition, format: row.definition_format };
}
