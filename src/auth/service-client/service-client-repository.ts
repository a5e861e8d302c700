import type { Kysely } from 'kysely';
import type { Database } from '../../infra/db/database.js';

export async function findActiveClient(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('service_client')
    .select(['id', 'name', 'secret_ciphertext', 'scopes'])
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function insertClient(
  db: Kysely<Database>,
  name: string,
  secretCiphertext: Buffer,
  scopes: string[],
) {
  return db
    .insertInto('service_client')
    .values({ name, secret_ciphertext: secretCiphertext, scopes })
    .returning(['id', 'name', 'scopes'])
    .executeTakeFirstOrThrow();
}
