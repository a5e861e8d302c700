import { describe, expect, it } from 'vitest';
import { type ComposeFailure, mapReply, toAppError } from '../../../src/integrations/compose-agent/index.js';

const envelope = (fields: Record<string, unknown>) =>
  JSON.stringify({
    command_id: 'c1',
    status: 'success',
    result: { type: 'restart', status: 'ok' },
    error: null,
    completed_at: '2025-01-01T00:00:00Z',
    executed_by: 'compose_agent',
    ...fields,
  });

describe('mapReply', () => {
  it.each(['success', 'completed', 'ok'])(
    'reads a 200 with status %s as success, with the result',
    (status) => {
      const outcome = mapReply(200, envelope({ status }));
      expect(outcome).toMatchObject({ kind: 'ok', result: { type: 'restart', status: 'ok' } });
      expect(outcome.kind === 'ok' && outcome.reply.executed_by).toBe('compose_agent');
    },
  );

  it('keeps a failed result inside a successful reply as a result (the command ran)', () => {
    const result = { type: 'restart', status: 'failed', errors: [{ message: 'container exited' }] };
    expect(mapReply(200, envelope({ result }))).toMatchObject({ kind: 'ok', result });
  });

  it.each(['failed', 'error', 'FAILED', 'timeout'])(
    'reads a 200 with status %s as an agent failure',
    (status) => {
      const errors = [{ code: 'docker', message: 'no such container' }];
      expect(mapReply(200, envelope({ status, error: 'restart failed', errors }))).toEqual({
        kind: 'agent_failed',
        status: 200,
        errors,
        error: 'restart failed',
      });
    },
  );

  it('reads a 200 with errors[] or command_status failed as an agent failure', () => {
    expect(mapReply(200, envelope({ errors: ['boom'] }))).toMatchObject({
      kind: 'agent_failed',
      errors: ['boom'],
    });
    expect(mapReply(200, envelope({ command_status: 'failed' }))).toMatchObject({
      kind: 'agent_failed',
      status: 200,
    });
  });

  it.each(['not json', '[1,2]', '"text"', 'null'])('refuses a 200 whose body is %s', (body) => {
    expect(mapReply(200, body)).toMatchObject({ kind: 'agent_failed', status: 200, errors: [] });
  });

  it.each([400, 401, 403, 409, 500, 404, 502, 503])(
    'reads HTTP %i as an agent failure with its error',
    (status) => {
      expect(mapReply(status, JSON.stringify({ error: 'invalid signature: signature mismatch' }))).toEqual({
        kind: 'agent_failed',
        status,
        errors: [],
        error: 'invalid signature: signature mismatch',
      });
    },
  );

  it('keeps an error object as JSON text and survives a body that is not JSON', () => {
    expect(mapReply(500, JSON.stringify({ error: { code: 'x' } }))).toMatchObject({ error: '{"code":"x"}' });
    expect(mapReply(500, '<html>bad gateway</html>')).toEqual({
      kind: 'agent_failed',
      status: 500,
      errors: [],
      error: null,
    });
  });

  it('reads 429 as rate limited and a redirect as a failure', () => {
    expect(mapReply(429, '{"error":"rate limited"}')).toEqual({ kind: 'rate_limited' });
    expect(mapReply(302, '')).toMatchObject({ kind: 'agent_failed', status: 302 });
  });
});

describe('toAppError', () => {
  it('answers an agent failure with 502 compose_agent_error carrying the agent errors', () => {
    const failure: ComposeFailure = {
      kind: 'agent_failed',
      status: 200,
      errors: ['disk full', { code: 'docker', message: 'no such container' }, { code: 7 }],
      error: 'restart failed',
    };
    const error = toAppError(failure);
    expect(error.status).toBe(502);
    expect(error.code).toBe('compose_agent_error');
    expect(error.detail).toContain('restart failed');
    expect(error.errors).toEqual([
      { path: 'compose_agent', message: 'disk full' },
      { path: 'compose_agent', message: 'no such container' },
      { path: 'compose_agent', message: '{"code":7}' },
    ]);
    expect(error.extras).toEqual({ compose_agent_status: 200, compose_agent_error: 'restart failed' });
  });

  it('passes agent error strings through the given redactor', () => {
    const redact = (text: string) => text.replace(/hunter2/g, '***REDACTED***');
    const error = toAppError(
      { kind: 'agent_failed', status: 500, errors: ['DB_PASSWORD=hunter2'], error: 'auth hunter2' },
      { redact },
    );
    expect(JSON.stringify([error.detail, error.errors, error.extras])).not.toContain('hunter2');
    expect(error.errors?.[0]?.message).toBe('DB_PASSWORD=***REDACTED***');
  });

  it('answers the other failures with 429 (Retry-After 60), 504 and 503', () => {
    const limited = toAppError({ kind: 'rate_limited' });
    expect([limited.status, limited.code, limited.headers]).toEqual([
      429,
      'rate_limited',
      { 'retry-after': '60' },
    ]);
    const slow = toAppError({ kind: 'timeout' });
    expect([slow.status, slow.code]).toEqual([504, 'compose_agent_timeout']);
    const gone = toAppError({ kind: 'unreachable', reason: 'blocked' });
    expect([gone.status, gone.code]).toEqual([503, 'compose_agent_unreachable']);
    expect(gone.detail).not.toContain('blocked');
  });
});
