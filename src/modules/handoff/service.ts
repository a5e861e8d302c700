import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../../auth/principal.js';
import type { Clock } from '../../infra/clock.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { Database } from '../../infra/db/database.js';
import { badRequest, notFound } from '../../infra/http/errors.js';
import { DEPLOYMENT_HASH_RE } from '../../infra/identifiers.js';
import { deploymentNotFound } from '../agents/index.js';
import {
  accountPayload,
  bearerExpiry,
  type Credentials,
  deploymentPayload,
  type HandoffPayload,
} from './payload.js';
import { consumeHandoff, findHandoffSource, insertHandoff } from './repository.js';

export interface HandoffDeps {
  db: Kysely<Database>;
  clock: Clock;
  secretBox: SecretBox;
}

/** Who mints, with the bearer they minted with (it becomes the CLI's login) and where the CLI should call. */
export interface Minter {
  user: AuthUser;
  token: string | undefined;
  /** `{scheme}://{host}` of the request: the handoff URL points here. */
  origin: string;
  /** Stacker's public base URL (STACKER_PUBLIC_URL, else the request's origin). */
  serverUrl: string;
}

export const HANDOFF_TTL_MS = 2 * 60 * 60 * 1000;
const TOKEN_LENGTH = 40;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function newHandoffToken(): string {
  let token = '';
  for (let i = 0; i < TOKEN_LENGTH; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  return token;
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export interface MintedHandoff {
  token: string;
  url: string;
  command: string;
  expires_at: string;
}

function credentialsOf(minter: Minter, expiresAt: Date): Credentials | undefined {
  if (!minter.token) return undefined;
  return {
    access_token: minter.token,
    token_type: 'Bearer',
    expires_at: bearerExpiry(minter.token, expiresAt),
    ...(minter.user.email ? { email: minter.user.email } : {}),
    server_url: minter.serverUrl,
  };
}

async function store(deps: HandoffDeps, minter: Minter, payload: HandoffPayload, now: Date, expiresAt: Date) {
  const token = newHandoffToken();
  await insertHandoff(deps.db, {
    tokenHash: hashToken(token),
    userId: minter.user.id,
    kind: payload.kind,
    payload: deps.secretBox.sealJson(payload),
    expiresAt,
    now,
  });
  return {
    token,
    url: `${minter.origin}/handoff#${token}`,
    command: `stacker connect --handoff ${token}`,
    expires_at: expiresAt.toISOString(),
  };
}

/** A handoff for one of the caller's deployments (by id or hash); someone else's is 404 like none. */
export async function mintDeploymentHandoff(
  deps: HandoffDeps,
  minter: Minter,
  ref: { deploymentId?: number | undefined; deploymentHash?: string | undefined },
): Promise<MintedHandoff> {
  let target: { id: number } | { hash: string };
  if (ref.deploymentId !== undefined) target = { id: ref.deploymentId };
  else if (ref.deploymentHash !== undefined && ref.deploymentHash !== '') {
    if (!DEPLOYMENT_HASH_RE.test(ref.deploymentHash)) throw deploymentNotFound();
    target = { hash: ref.deploymentHash };
  } else {
    throw badRequest('handoff_target_required', 'deployment_id or deployment_hash is required', [
      { path: 'body.deployment_id', message: 'deployment_id or deployment_hash is required' },
    ]);
  }
  const source = await findHandoffSource(deps.db, target);
  if (source === undefined || source.user_id !== minter.user.id) throw deploymentNotFound();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + HANDOFF_TTL_MS);
  const payload = deploymentPayload(
    source,
    expiresAt,
    credentialsOf(minter, expiresAt),
    minter.user.email ?? undefined,
  );
  return store(deps, minter, payload, now, expiresAt);
}

/** A handoff of the account alone (`stacker connect` logs in, no deployment). */
export async function mintAccountHandoff(deps: HandoffDeps, minter: Minter): Promise<MintedHandoff> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + HANDOFF_TTL_MS);
  const email = minter.user.email ?? minter.user.id;
  return store(
    deps,
    minter,
    accountPayload(email, expiresAt, credentialsOf(minter, expiresAt)),
    now,
    expiresAt,
  );
}

/** The payload, once: a second resolve, on any instance, is 404 like an unknown or expired token. */
export async function resolveHandoff(deps: HandoffDeps, token: string): Promise<HandoffPayload> {
  const row = await consumeHandoff(deps.db, hashToken(token.trim()), deps.clock.now());
  if (row === undefined) throw notFound('Handoff token', 'handoff_not_found');
  return deps.secretBox.openJson<HandoffPayload>(row.payload_ciphertext);
}
