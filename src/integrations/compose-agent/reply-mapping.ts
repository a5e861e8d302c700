import type { ComposeReply, ComposeResult } from './outcome.js';

/*
 * Reads the agent's HTTP reply (compose-agent.md). A 200 can still be a failure: it is one when its
 * `status` is failed/error (or timeout: the agent gave up on the command), when `errors[]` is not empty,
 * or when `command_status` says failed — the same rule as a report on the pull path (agent-protocol.md).
 * Other statuses carry `{"error": "..."}`. Anything Stacker cannot read counts as an agent failure, never
 * as success, so a broken or hostile endpoint cannot make a failed restart look done.
 */

const FAILED_STATUSES = new Set(['failed', 'error', 'timeout']);

function isFailure(body: ComposeReply): boolean {
  const status = typeof body.status === 'string' ? body.status.toLowerCase() : '';
  const commandStatus = typeof body.command_status === 'string' ? body.command_status.toLowerCase() : '';
  return FAILED_STATUSES.has(status) || commandStatus === 'failed' || errorsOf(body).length > 0;
}

export function mapReply(status: number, bodyText: string): ComposeResult {
  if (status === 429) return { kind: 'rate_limited' };
  const body = parseObject(bodyText);
  if (status >= 200 && status < 300) {
    if (body === undefined)
      return failed(status, [], 'the compose agent sent a reply that is not a JSON object');
    if (isFailure(body)) return failed(status, errorsOf(body), errorOf(body));
    return { kind: 'ok', result: body.result ?? null, reply: body };
  }
  if (status >= 300 && status < 400) {
    // Redirects are never followed: the target was not checked against the SSRF rules.
    return failed(status, [], 'the compose agent answered with a redirect, which is not followed');
  }
  return failed(status, body === undefined ? [] : errorsOf(body), body === undefined ? null : errorOf(body));
}

function failed(status: number, errors: unknown[], error: string | null): ComposeResult {
  return { kind: 'agent_failed', status, errors, error };
}

function parseObject(text: string): ComposeReply | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as ComposeReply)
      : undefined;
  } catch {
    return undefined;
  }
}

function errorsOf(body: ComposeReply): unknown[] {
  return Array.isArray(body.errors) ? body.errors : [];
}

function errorOf(body: ComposeReply): string | null {
  if (typeof body.error === 'string') return body.error;
  if (body.error === undefined || body.error === null) return null;
  return JSON.stringify(body.error);
}
