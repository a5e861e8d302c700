/** What agent authentication needs to know about one agent (decrypted: keep it in memory only). */
export interface AgentCredentials {
  id: string;
  deploymentHash: string;
  token: string;
  tokenCiphertext: Buffer;
  previousToken: string | null;
  /** Epoch ms after which the previous token no longer works. */
  previousTokenExpiresAt: number;
  revoked: boolean;
}

/**
 * What agent authentication needs from the feature that owns agents. The agents module implements it
 * and app.ts hands it to the agent-auth plugin, so auth knows no feature and no table.
 */
export interface AgentCredentialStore {
  /** NOTIFY channel announcing a rotation, revocation or first use of a new token (payload: agent id). */
  readonly changedChannel: string;
  /** Heartbeats are written at most once per agent per this many seconds. */
  readonly heartbeatMinGapSecs: number;
  load(agentId: string): Promise<AgentCredentials | undefined>;
  /** The agent used its new token: the old one stops working now, on every instance. */
  retirePreviousToken(credentials: AgentCredentials): Promise<void>;
  /**
   * False when this agent already sent `requestId` within the skew window (on any instance). With
   * `heartbeatAt`, records the heartbeat in the same statement (only for a new id).
   */
  rememberRequestId(
    agentId: string,
    requestId: string,
    expiresAt: Date,
    heartbeatAt?: Date,
  ): Promise<boolean>;
}
