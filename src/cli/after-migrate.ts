import type { Kysely } from 'kysely';
import { readPolicyFile } from '../auth/casbin/policy-file.js';
import { applyPolicyRules } from '../auth/casbin/policy-repository.js';
import type { Database } from '../infra/db/database.js';

/**
 * What brings a database fully up to date after its schema: the access rules of `policies/policy.csv`.
 * `npm run migrate`, `npm run acl:setup` and the embedded start all run it.
 */
export async function afterMigrate(db: Kysely<Database>, log: (line: string) => void): Promise<void> {
  const added = await applyPolicyRules(db, await readPolicyFile());
  if (added.length === 0) log('access rules are up to date');
  for (const rule of added) log(`added rule: ${rule.ptype}, ${rule.values.join(', ')}`);
}
