import { randomToken } from '../../infra/crypto/hmac.js';
import type { SecretBox } from '../../infra/crypto/secret-box.js';
import type { AgentRow } from './repository.js';

/** 64 random bytes, base64url without padding: 86 characters of [A-Za-z0-9_-] (agent-protocol.md). */
export const AGENT_TOKEN_BYTES = 64;

export const newAgentToken = (): string => randomToken(AGENT_TOKEN_BYTES);

export interface RotatedTokens {
  token: string;
  tokenCiphertext: Buffer;
  previousTokenCiphertext: Buffer | null;
  previousTokenExpiresAt: Date | null;
}

/**
 * A new token, and which old one keeps working. The previous token is the one the agent is known to
 * hold: while an earlier rotation is still unused (a previous token within its grace), that earlier
 * token stays the previous one, so rotating twice before the agent restarts never locks it out. The
 * grace restarts at each rotation. A revoked agent gets a fresh start: its old tokens die.
 */
export function rotateTokens(
  secretBox: SecretBox,
  row: Pick<
    AgentRow,
    'token_ciphertext' | 'previous_token_ciphertext' | 'previous_token_expires_at' | 'revoked_at'
  >,
  now: Date,
  graceSecs: number,
): RotatedTokens {
  const token = newAgentToken();
  const tokenCiphertext = secretBox.seal(token);
  if (row.revoked_at !== null || graceSecs === 0) {
    return { token, tokenCiphertext, previousTokenCiphertext: null, previousTokenExpiresAt: null };
  }
  const earlierStillPending =
    row.previous_token_ciphertext !== null &&
    row.previous_token_expires_at !== null &&
    row.previous_token_expires_at.getTime() > now.getTime();
  return {
    token,
    tokenCiphertext,
    previousTokenCiphertext: earlierStillPending ? row.previous_token_ciphertext : row.token_ciphertext,
    previousTokenExpiresAt: new Date(now.getTime() + graceSecs * 1000),
  };
}
