import type { Kysely, Transaction } from 'kysely';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { isUniqueViolation } from '../../infra/db/sqlstate.js';
import { CLOUD_NAME_CONSTRAINT, cloudNameTaken } from './errors.js';
import { type CloudRow, findCloudByName, findCloudOfUser, insertCloud } from './repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface CloudCredentials {
  token: string | null;
  key: string | null;
  secret: string | null;
}

/** A saved cloud with its credentials opened; `undecryptable` when a stored one no longer opens. */
export interface OpenedCloud {
  id: number;
  userId: string;
  name: string;
  provider: string;
  saveToken: boolean | null;
  credentials: CloudCredentials;
  undecryptable: boolean;
}

function open(box: SecretBox, row: CloudRow): OpenedCloud {
  let undecryptable = false;
  const one = (sealed: Buffer | null): string | null => {
    if (sealed === null) return null;
    try {
      return box.openString(sealed);
    } catch {
      undecryptable = true;
      return null;
    }
  };
  const credentials = { token: one(row.cloud_token), key: one(row.cloud_key), secret: one(row.cloud_secret) };
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    provider: row.provider,
    saveToken: row.save_token,
    credentials,
    undecryptable,
  };
}

/** The caller's cloud `id`, or `undefined` (another user's cloud is as absent as none). */
export async function findUserCloud(db: Db, box: SecretBox, userId: string, id: number) {
  const row = await findCloudOfUser(db, userId, id);
  return row === undefined ? undefined : open(box, row);
}

/** The caller's cloud called `name` (case-insensitive), or `undefined`. */
export async function findUserCloudByName(db: Db, box: SecretBox, userId: string, name: string) {
  const row = await findCloudByName(db, userId, name);
  return row === undefined ? undefined : open(box, row);
}

export interface SaveCloud {
  userId: string;
  name: string | undefined;
  provider: string;
  credentials: CloudCredentials;
  saveToken: boolean | null;
  now: Date;
}

/** Inserts a cloud with every present credential sealed (Stacker always encrypts). */
export async function saveCloud(
  trx: Transaction<Database>,
  box: SecretBox,
  c: SaveCloud,
): Promise<OpenedCloud> {
  return open(box, await insertSealedCloud(trx, box, c));
}

/** The row as stored; a second cloud of the same name for the user is 409 `cloud_name_taken`. */
export async function insertSealedCloud(
  trx: Transaction<Database>,
  box: SecretBox,
  c: SaveCloud,
): Promise<CloudRow> {
  const seal = (v: string | null) => (v === null ? null : box.seal(v));
  try {
    return await insertCloud(trx, {
      userId: c.userId,
      name: c.name,
      provider: c.provider,
      token: seal(c.credentials.token),
      key: seal(c.credentials.key),
      secret: seal(c.credentials.secret),
      saveToken: c.saveToken,
      now: c.now,
    });
  } catch (error) {
    if (isUniqueViolation(error, CLOUD_NAME_CONSTRAINT)) throw cloudNameTaken(c.name ?? '');
    throw error;
  }
}
