import type { Kysely, Transaction } from 'kysely';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import {
  findServerOfUser,
  findServerPrivateKey,
  insertServer,
  listServersOfProject,
  type ServerFields,
  type ServerRow,
  storeServerKey,
  updateServer,
} from './repository.js';
import { generateSshKeyPair, keyFileText } from './ssh-key-pair.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The caller's server `id`, or `undefined` (another user's server is as absent as none). */
export async function findUserServer(db: Db, userId: string, id: number): Promise<ServerRow | undefined> {
  return findServerOfUser(db, userId, id);
}

export async function listProjectServers(db: Db, projectId: number): Promise<ServerRow[]> {
  return listServersOfProject(db, projectId);
}

export async function createServer(
  trx: Transaction<Database>,
  s: { userId: string; projectId: number; fields: ServerFields; now: Date },
): Promise<ServerRow> {
  return insertServer(trx, s);
}

/** A reused server takes the present fields and moves to the project being deployed. */
export async function reuseServer(
  trx: Transaction<Database>,
  id: number,
  s: { projectId: number; fields: ServerFields; now: Date },
): Promise<ServerRow> {
  return updateServer(trx, id, s);
}

/** Where the key pair "lives": a label kept for the wire (`vault_key_path`); the key is in Postgres. */
export const serverKeyPath = (userId: string, serverId: number) =>
  `stacker/users/${userId}/ssh_keys/${serverId}`;

export interface ServerKey {
  server: ServerRow;
  publicKey: string;
  /** OpenSSH format, ending in one newline; `undefined` when an active key has no stored copy. */
  privateKey: string | undefined;
}

/**
 * The server's key pair: an active one is read back (opened); any other state gets a fresh Ed25519
 * pair, sealed and stored, `key_status := active`.
 */
export async function ensureServerKey(
  trx: Transaction<Database>,
  box: SecretBox,
  server: ServerRow,
  now: Date,
): Promise<ServerKey> {
  if (server.key_status === 'active') {
    const sealed = await findServerPrivateKey(trx, server.id);
    const privateKey = sealed ? keyFileText(box.openString(sealed)) : undefined;
    return { server, publicKey: server.public_key ?? '', privateKey };
  }
  const pair = generateSshKeyPair(`stacker-server-${server.id}`);
  const stored = await storeServerKey(trx, server.id, {
    publicKey: pair.publicKey,
    privateKeyCiphertext: box.seal(pair.privateKey),
    vaultKeyPath: serverKeyPath(server.user_id, server.id),
    now,
  });
  return { server: stored, publicKey: pair.publicKey, privateKey: pair.privateKey };
}
