import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkResult, type ResultCommand } from '../../../src/modules/commands/catalog.js';

const vectors = JSON.parse(
  readFileSync(path.resolve(process.cwd(), 'test/fixtures/vectors/agent-signatures.json'), 'utf8'),
) as { cases: { name: string; body: string }[] };
const report = JSON.parse(vectors.cases.find((c) => c.name === 'v1 POST report')!.body) as {
  deployment_hash: string;
  result: Record<string, unknown>;
};

const HASH = report.deployment_hash;
const web = { deploymentHash: HASH, appCode: 'web' };
const all = { deploymentHash: HASH, appCode: 'all' };

function reason(type: string, command: ResultCommand, result: unknown): string {
  const check = checkResult(type, command, result);
  if (check.ok) throw new Error('expected the result to be refused');
  return check.reason;
}

describe('health results', () => {
  it('accepts the result the deployed agent sends, defaulting errors to []', () => {
    const check = checkResult('health', web, report.result);
    expect(check).toEqual({ ok: true, result: { ...report.result, errors: [] } });
  });

  it('keeps unknown keys and unknown enum values as sent', () => {
    const result = { ...report.result, status: 'flapping', container_state: 'paused', extra: { a: [1] } };
    const check = checkResult('health', web, result);
    expect(check.ok && check.result).toMatchObject({
      status: 'flapping',
      container_state: 'paused',
      extra: { a: [1] },
    });
  });

  it('accepts all_health for "all" and system_health for health', () => {
    const allHealth = {
      type: 'all_health',
      deployment_hash: HASH,
      status: 'degraded',
      last_heartbeat_at: '2026-01-09T00:00:05Z',
      containers: [
        { app_code: 'web', container_name: 'web-1', container_state: 'running', status: 'ok' },
        {
          app_code: 'db',
          container_name: 'db-1',
          container_state: 'exited',
          status: 'unhealthy',
          metrics: null,
        },
      ],
    };
    expect(checkResult('health', all, allHealth).ok).toBe(true);
    expect(checkResult('health', all, { type: 'system_health', deployment_hash: HASH, cpu: 3 }).ok).toBe(
      true,
    );
  });

  it('keeps the errors the agent sent', () => {
    const errors = [{ code: 'docker', message: 'daemon slow' }];
    const check = checkResult('health', web, { ...report.result, errors });
    expect(check.ok && check.result?.errors).toEqual(errors);
  });

  it.each([
    ['another type', { type: 'logs' }, 'result.type "logs"'],
    ['another deployment', { deployment_hash: 'deployment_other' }, 'result.deployment_hash'],
    ['another app', { app_code: 'db' }, 'result.app_code "db"'],
    ['a string metric', { metrics: { cpu_pct: '0.12' } }, 'result.metrics.cpu_pct'],
    ['a numeric status', { status: 1 }, 'result.status'],
    ['no container_state', { container_state: undefined }, 'result.container_state'],
    ['errors that are not a list', { errors: 'boom' }, 'result.errors'],
    ['no type', { type: undefined }, 'result.type'],
  ])('refuses %s', (_what, change, expected) => {
    expect(reason('health', web, { ...report.result, ...change })).toContain(expected);
  });

  it('refuses an all_health result with malformed containers', () => {
    const bad = {
      type: 'all_health',
      deployment_hash: HASH,
      status: 'ok',
      last_heartbeat_at: 'x',
      containers: [{}],
    };
    expect(reason('health', all, bad)).toContain('result.containers.0.app_code');
  });

  it('does not compare app_code when the command asked for "all" or for no app', () => {
    expect(checkResult('health', all, report.result).ok).toBe(true);
    expect(checkResult('backup', { deploymentHash: HASH, appCode: null }, { app_code: 'web' }).ok).toBe(true);
  });
});

describe('logs results', () => {
  const logs = {
    type: 'logs',
    deployment_hash: HASH,
    app_code: 'web',
    cursor: 'c2',
    truncated: false,
    lines: [{ ts: '2026-01-09T00:00:01Z', stream: 'stdout', message: 'listening', redacted: false }],
  };

  it('accepts the documented shape and unknown streams', () => {
    expect(checkResult('logs', web, logs).ok).toBe(true);
    const odd = { ...logs, lines: [{ ...logs.lines[0], stream: 'journal' }] };
    expect(checkResult('logs', web, odd).ok).toBe(true);
  });

  it.each([
    ['truncated as a string', { truncated: 'no' }, 'result.truncated'],
    ['lines not a list', { lines: {} }, 'result.lines'],
    [
      'a line without message',
      { lines: [{ ts: 't', stream: 'stdout', redacted: false }] },
      'result.lines.0.message',
    ],
  ])('refuses %s', (_what, change, expected) => {
    expect(reason('logs', web, { ...logs, ...change })).toContain(expected);
  });
});

describe('container action results', () => {
  it.each(['restart', 'start', 'stop'])('%s: accepts ok and failed, refuses a wrong type', (type) => {
    const base = { type, deployment_hash: HASH, app_code: 'web', status: 'ok', container_state: 'running' };
    expect(checkResult(type, web, base)).toEqual({ ok: true, result: { ...base, errors: [] } });
    expect(
      checkResult(type, web, { ...base, status: 'failed', errors: [{ code: 'x', message: 'y' }] }).ok,
    ).toBe(true);
    expect(reason(type, web, { ...base, type: 'health' })).toContain('does not match command type');
    expect(reason(type, web, { ...base, container_state: undefined })).toContain('result.container_state');
  });
});

describe('other results and edge cases', () => {
  it('checks identity only when an undocumented type sends it', () => {
    const cmd = { deploymentHash: HASH, appCode: null };
    expect(checkResult('server_resources', cmd, { cpu: { cores: 2 } }).ok).toBe(true);
    expect(reason('server_resources', cmd, { type: 'backup' })).toContain('result.type');
    expect(reason('server_resources', cmd, { deployment_hash: 'x' })).toContain('result.deployment_hash');
  });

  it('accepts a missing result as null', () => {
    expect(checkResult('restart', web, undefined)).toEqual({ ok: true, result: null });
    expect(checkResult('restart', web, null)).toEqual({ ok: true, result: null });
  });

  it('refuses non-object results, and keeps what the agent reports for a type the catalog does not know', () => {
    for (const result of ['ok', 1, [report.result]]) {
      expect(reason('health', web, result)).toBe('result must be a JSON object');
      expect(reason('uname -a', web, result)).toBe('result must be a JSON object');
    }
    const shell = { stdout: 'Linux\n', stderr: '', exit_code: 0 };
    expect(checkResult('uname -a', web, shell)).toEqual({ ok: true, result: shell });
  });
});
