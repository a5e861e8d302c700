import type { Kysely } from 'kysely';
import type { AuthUser } from '../../auth/principal.js';
import type { Clock } from '../../infra/clock.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { isUniqueViolation } from '../../infra/db/sqlstate.js';
import { maskSealed } from './credential-mask.js';
import {
  CLOUD_NAME_CONSTRAINT,
  cloudNameTaken,
  cloudNotFound,
  cloudRecordNotFound,
  credentialsMissing,
} from './errors.js';
import {
  type CloudRow,
  deleteCloudOfUser,
  findCloudOfUser,
  listCloudsOfUser,
  replaceCloud,
} from './repository.js';
import type { CloudForm, CloudView } from './schemas.js';
import { insertSealedCloud } from './service.js';

export interface CloudDeps {
  db: Kysely<Database>;
  clock: Clock;
  secretBox: SecretBox;
}

const MAX_I32 = 2_147_483_647;

/** A path id: digits naming an i32, else `undefined` (a non-integer id is a 404, never a 400). */
function parseCloudId(text: string): number | undefined {
  if (!/^[0-9]{1,10}$/.test(text)) return undefined;
  const id = Number(text);
  return id >= 1 && id <= MAX_I32 ? id : undefined;
}

/** Every reply masks the credentials (POST and PUT too): the plaintext leaves only in install messages. */
export function cloudView(box: SecretBox, row: CloudRow): CloudView {
  return {
    id: row.id,
    user_id: row.user_id,
    name: row.name,
    provider: row.provider,
    cloud_token: maskSealed(box, row.cloud_token),
    cloud_key: maskSealed(box, row.cloud_key),
    cloud_secret: maskSealed(box, row.cloud_secret),
    save_token: row.save_token,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function credentialsOf(form: CloudForm) {
  const credentials = {
    token: form.cloud_token ?? null,
    key: form.cloud_key ?? null,
    secret: form.cloud_secret ?? null,
  };
  // Upstream cannot encrypt nothing: save_token asks to keep a token, or a key with its secret.
  if (form.save_token === true && !credentials.token && !(credentials.key && credentials.secret))
    throw credentialsMissing();
  return credentials;
}

export async function listClouds(deps: CloudDeps, user: AuthUser): Promise<CloudView[]> {
  return (await listCloudsOfUser(deps.db, user.id)).map((row) => cloudView(deps.secretBox, row));
}

export async function getCloud(deps: CloudDeps, user: AuthUser, idText: string): Promise<CloudView> {
  const id = parseCloudId(idText);
  const row = id === undefined ? undefined : await findCloudOfUser(deps.db, user.id, id);
  if (row === undefined) throw cloudRecordNotFound();
  return cloudView(deps.secretBox, row);
}

/** POST: a missing name becomes `{provider}-{id}`; a taken one is 409 before anything is kept. */
export async function createCloud(deps: CloudDeps, user: AuthUser, form: CloudForm): Promise<CloudView> {
  const credentials = credentialsOf(form);
  const row = await deps.db.transaction().execute((trx) =>
    insertSealedCloud(trx, deps.secretBox, {
      userId: user.id,
      name: form.name ?? undefined,
      provider: form.provider,
      credentials,
      saveToken: form.save_token ?? null,
      now: deps.clock.now(),
    }),
  );
  return cloudView(deps.secretBox, row);
}

/**
 * PUT replaces: an absent credential becomes null and an absent name "" (the CLI's save_cloud relies on
 * it to clear the credentials it does not send).
 */
export async function updateCloud(
  deps: CloudDeps,
  user: AuthUser,
  idText: string,
  form: CloudForm,
): Promise<CloudView> {
  const id = parseCloudId(idText);
  if (id === undefined) throw cloudNotFound();
  const credentials = credentialsOf(form);
  const seal = (v: string | null) => (v === null ? null : deps.secretBox.seal(v));
  const name = form.name ?? '';
  let row: CloudRow | undefined;
  try {
    row = await replaceCloud(deps.db, user.id, id, {
      name,
      provider: form.provider,
      token: seal(credentials.token),
      key: seal(credentials.key),
      secret: seal(credentials.secret),
      saveToken: form.save_token ?? null,
      now: deps.clock.now(),
    });
  } catch (error) {
    if (isUniqueViolation(error, CLOUD_NAME_CONSTRAINT)) throw cloudNameTaken(name);
    throw error;
  }
  if (row === undefined) throw cloudNotFound();
  return cloudView(deps.secretBox, row);
}

export async function deleteCloud(deps: CloudDeps, user: AuthUser, idText: string): Promise<void> {
  const id = parseCloudId(idText);
  if (id === undefined || !(await deleteCloudOfUser(deps.db, user.id, id))) throw cloudNotFound();
}
