import { describe, expect, it } from 'vitest';
import {
  boundedResult,
  MAX_KEPT_RESULT_CHARS,
  reportDisposition,
  reportError,
  reportOutcome,
} from '../../../src/modules/commands/report-rules.js';

const base = { command_id: 'cmd_1', deployment_hash: 'd', status: 'success' };

describe('reportOutcome', () => {
  it('follows command_status, then failed/timeout/error in any case, then errors', () => {
    expect(reportOutcome(base)).toBe('completed');
    for (const status of ['failed', 'FAILED', 'Timeout', 'error', ' error ']) {
      expect(reportOutcome({ ...base, status }), status).toBe('failed');
    }
    expect(reportOutcome({ ...base, status: 'ok', errors: [{ code: 'x', message: 'y' }] })).toBe('failed');
    expect(reportOutcome({ ...base, status: 'ok', errors: [] })).toBe('completed');
    expect(reportOutcome({ ...base, status: 'error', command_status: 'completed' })).toBe('completed');
    expect(reportOutcome({ ...base, status: 'success', command_status: 'failed' })).toBe('failed');
  });
});

describe('reportDisposition', () => {
  it('applies to sent and re-queued commands, replaces agent_timeout, keeps cancelled, ignores the rest', () => {
    expect(reportDisposition({ status: 'sent', error: null })).toBe('apply');
    expect(reportDisposition({ status: 'queued', error: null })).toBe('apply');
    expect(reportDisposition({ status: 'failed', error: { code: 'agent_timeout', message: '' } })).toBe(
      'replace_timeout',
    );
    expect(reportDisposition({ status: 'failed', error: { code: 'agent_error', message: '' } })).toBe(
      'duplicate',
    );
    expect(reportDisposition({ status: 'completed', error: null })).toBe('duplicate');
    expect(reportDisposition({ status: 'cancelled', error: { code: 'expired', message: '' } })).toBe(
      'keep_cancelled',
    );
  });
});

describe('reportError', () => {
  it('is null for a clean success and names the first error otherwise', () => {
    expect(reportError(base, 'completed')).toBeNull();
    expect(reportError({ ...base, status: 'failed', error: 'container not found' }, 'failed')).toEqual({
      code: 'agent_error',
      message: 'container not found',
    });
    const errors = [{ code: 'docker_unavailable', message: 'socket refused' }];
    expect(reportError({ ...base, status: 'failed', errors }, 'failed')).toEqual({
      code: 'docker_unavailable',
      message: 'socket refused',
      errors,
    });
    expect(
      reportError({ ...base, status: 'failed', error: { code: 'E1', message: 'boom' } }, 'failed'),
    ).toEqual({
      code: 'E1',
      message: 'boom',
      details: { code: 'E1', message: 'boom' },
    });
    expect(reportError({ ...base, status: 'timeout' }, 'failed')).toEqual({
      code: 'agent_error',
      message: 'The agent reported status "timeout".',
    });
  });
});

describe('boundedResult', () => {
  it('keeps small results and previews large ones', () => {
    expect(boundedResult({ a: 1 })).toEqual({ a: 1 });
    expect(boundedResult(undefined)).toBeNull();
    const big = boundedResult({ s: 'x'.repeat(MAX_KEPT_RESULT_CHARS) }) as {
      truncated: boolean;
      preview: string;
    };
    expect(big.truncated).toBe(true);
    expect(big.preview).toHaveLength(MAX_KEPT_RESULT_CHARS);
  });
});
