import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Config } from '../../config.js';
import type { Clock } from '../../infra/clock.js';
import { timingSafeEqualStrings } from '../../infra/crypto/hmac.js';
import type { AppError } from '../../infra/http/errors.js';
import { isUuid } from '../../infra/identifiers.js';
import type { AuthAgent } from '../principal.js';
import type { AgentCredentialStore } from './credential-store.js';
import {
  agentUnauthorized,
  badSignature,
  missingRequestId,
  replayedRequest,
  staleTimestamp,
  tooManyFailures,
  wrongDeployment,
} from './errors.js';
import type { AuthFailureAudit, AuthFailureReason } from './failure-audit.js';
import type { FailureLimiter } from './failure-limiter.js';
import { isTimestampFresh, parseSignatureVersion, verifyAgentSignature } from './signature.js';
import type { AgentTokenCache } from './token-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The bearer an agent authenticated with (the HMAC key of its signature). Never logged. */
    agentToken: string | null;
  }
}

export interface AgentAuthenticatorDeps {
  store: AgentCredentialStore;
  clock: Clock;
  config: Config['agent'];
  cache: AgentTokenCache;
  limiter: FailureLimiter;
  audit: AuthFailureAudit;
}

const BEARER_RE = /^Bearer +(\S+)\s*$/i;
const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The five checks of agent-protocol.md. Check 1 (agent id and bearer) runs from the identity plugin's
 * onRequest hook, before the body is read; checks 2–5 run in the agent routes' preValidation hook,
 * over the raw body bytes.
 */
export class AgentAuthenticator {
  // Agents whose heartbeat this instance wrote recently: most polls then cost no write at all.
  private readonly heartbeats = new LRUCache<string, number>({ max: 100_000 });

  constructor(private readonly deps: AgentAuthenticatorDeps) {}

  /** Check 1: a known, unrevoked agent presenting its current (or still valid previous) token. */
  async authenticate(request: FastifyRequest): Promise<AuthAgent> {
    const claimed = header(request, 'x-agent-id')?.trim();
    if (claimed === undefined || !isUuid(claimed)) {
      return this.refuse(request, 'malformed_agent_id', null, null);
    }
    const agentId = claimed.toLowerCase();
    const bearer = BEARER_RE.exec(header(request, 'authorization') ?? '')?.[1];
    if (bearer === undefined) return this.refuse(request, 'missing_token', agentId, null);
    const credentials = await this.deps.cache.get(agentId);
    if (!credentials) return this.refuse(request, 'unknown_agent', agentId, null);
    if (credentials.revoked) return this.refuse(request, 'revoked', agentId, credentials.deploymentHash);
    // Both comparisons always run, so timing does not tell which token (if any) matched.
    const isCurrent = timingSafeEqualStrings(bearer, credentials.token);
    const isPrevious =
      credentials.previousToken !== null && timingSafeEqualStrings(bearer, credentials.previousToken);
    if (isCurrent) {
      if (credentials.previousToken !== null) {
        await this.deps.store.retirePreviousToken(credentials);
        this.deps.cache.invalidate(agentId);
      }
    } else if (!isPrevious || this.deps.clock.now().getTime() >= credentials.previousTokenExpiresAt) {
      return this.refuse(
        request,
        isPrevious ? 'expired_token' : 'wrong_token',
        agentId,
        credentials.deploymentHash,
      );
    }
    request.agentToken = bearer;
    return { id: credentials.id, deploymentHash: credentials.deploymentHash };
  }

  /**
   * Checks 2–5 once the body is there. `deploymentHash` is the deployment the request names (path or
   * body), or undefined when it names none. Then records the heartbeat.
   */
  async verify(request: FastifyRequest, deploymentHash: string | undefined): Promise<AuthAgent> {
    const principal = request.principal;
    const token = request.agentToken;
    if (principal?.kind !== 'agent' || token === null || token === undefined) throw agentUnauthorized();
    const agent = principal.agent;
    const cfg = this.deps.config;
    const now = this.deps.clock.now();
    const nowSecs = Math.floor(now.getTime() / 1000);
    const timestamp = header(request, 'x-timestamp');
    const fresh = isTimestampFresh(timestamp, nowSecs, cfg.maxSkewSecs);
    if (!fresh) await this.softFail(request, agent, 'stale_timestamp', staleTimestamp(cfg.maxSkewSecs));

    const version = parseSignatureVersion(header(request, 'x-agent-signature-version'));
    const signed =
      version !== undefined &&
      version >= cfg.signatureMinVersion &&
      verifyAgentSignature({
        version,
        token,
        method: request.method,
        rawUrl: request.raw.url ?? request.url,
        timestamp,
        requestId: header(request, 'x-request-id'),
        body: request.rawBody ?? Buffer.alloc(0),
        signature: header(request, 'x-agent-signature'),
      });
    if (!signed) {
      const detail =
        version !== undefined && version < cfg.signatureMinVersion
          ? `Signature version ${version} is no longer accepted; use ${cfg.signatureMinVersion}.`
          : undefined;
      await this.softFail(request, agent, 'bad_signature', badSignature(detail));
    }

    const requestId = header(request, 'x-request-id')?.trim();
    if (requestId === undefined || !REQUEST_ID_RE.test(requestId)) {
      throw await this.fail(request, agent, 'missing_request_id', missingRequestId());
    }
    // The id must be remembered as long as its timestamp would pass the skew check.
    const basis = fresh ? Number(timestamp!.trim()) : nowSecs;
    const expiresAt = new Date((basis + cfg.maxSkewSecs) * 1000);
    const wrong = deploymentHash !== undefined && deploymentHash !== agent.deploymentHash;
    // The heartbeat rides on the replay-store insert (one round trip per request, not two).
    const beat = !wrong && this.heartbeatDue(agent.id, now);
    const at = beat ? now : undefined;
    if (!(await this.deps.store.rememberRequestId(agent.id, requestId, expiresAt, at))) {
      throw await this.fail(request, agent, 'replayed_request', replayedRequest());
    }
    if (wrong) throw await this.fail(request, agent, 'wrong_deployment', wrongDeployment());
    if (beat) this.heartbeats.set(agent.id, now.getTime());
    return agent;
  }

  private heartbeatDue(agentId: string, now: Date): boolean {
    const last = this.heartbeats.get(agentId);
    return last === undefined || now.getTime() - last >= this.deps.store.heartbeatMinGapSecs * 1000;
  }

  /** Stale timestamps and bad signatures only log in `AGENT_SIGNATURE_MODE=log` (a cutover). */
  private async softFail(
    request: FastifyRequest,
    agent: AuthAgent,
    reason: AuthFailureReason,
    error: AppError,
  ): Promise<void> {
    if (this.deps.config.signatureMode === 'log') {
      request.log.warn(
        { agentId: agent.id, reason },
        'agent request check failed (AGENT_SIGNATURE_MODE=log)',
      );
      return;
    }
    throw await this.fail(request, agent, reason, error);
  }

  /** A failure after a valid bearer: audited and counted, but never turned into a 429. */
  private async fail(
    request: FastifyRequest,
    agent: AuthAgent,
    reason: AuthFailureReason,
    error: AppError,
  ): Promise<AppError> {
    const now = this.deps.clock.now();
    this.deps.limiter.record(request.ip, now.getTime());
    await this.auditFailure(request, reason, agent.id, agent.deploymentHash, now);
    return error;
  }

  private async refuse(
    request: FastifyRequest,
    reason: AuthFailureReason,
    agentId: string | null,
    deploymentHash: string | null,
  ): Promise<never> {
    const now = this.deps.clock.now();
    if (this.deps.limiter.record(request.ip, now.getTime())) {
      throw tooManyFailures(this.deps.limiter.retryAfterSecs(request.ip, now.getTime()));
    }
    await this.auditFailure(request, reason, agentId, deploymentHash, now);
    throw agentUnauthorized();
  }

  private async auditFailure(
    request: FastifyRequest,
    reason: AuthFailureReason,
    agentId: string | null,
    deploymentHash: string | null,
    now: Date,
  ): Promise<void> {
    try {
      await this.deps.audit.record({
        reason,
        agentId,
        deploymentHash,
        ip: request.ip,
        userAgent: header(request, 'user-agent') ?? null,
        route: request.routeOptions.url ?? null,
        now,
      });
    } catch (error) {
      // An audit that cannot be written must not change the answer the agent gets.
      request.log.warn({ err: error, reason }, 'agent auth failure audit not written');
    }
  }
}
