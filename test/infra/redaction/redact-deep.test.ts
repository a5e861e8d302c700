import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/infra/redaction/index.js';

const R = '***REDACTED***';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const redactor = createRedactor();

describe('redactLines', () => {
  it('redacts a PEM block from its BEGIN line to its END line and no further', () => {
    const result = redactor.redactLines([
      'starting',
      'loaded key -----BEGIN OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXktdjEAAAAABG5vbmU=',
      '',
      'AAAAC3NzaC1lZDI1NTE5AAAAIA==',
      '-----END OPENSSH PRIVATE KEY----- done',
      'password reset email sent to user 42',
    ]);
    expect(result.lines).toEqual([
      'starting',
      `loaded key ${R}`,
      R,
      '',
      R,
      `${R} done`,
      'password reset email sent to user 42',
    ]);
    expect(result.changed).toEqual([false, true, true, false, true, true, false]);
  });

  it('starts every call outside a PEM block', () => {
    redactor.redactLines(['-----BEGIN PRIVATE KEY-----']);
    expect(redactor.redactLines(['MIIB plain']).lines).toEqual(['MIIB plain']);
  });
});

describe('redactDeep', () => {
  it('redacts a logs result and marks the changed lines', () => {
    const result = {
      type: 'logs',
      deployment_hash: 'dep_1a2b3c',
      app_code: 'web',
      truncated: false,
      lines: [
        {
          ts: '2024-01-15T12:00:00Z',
          stream: 'stdout',
          message: 'boot with AKIAIOSFODNN7EXAMPLE',
          redacted: false,
        },
        { ts: '2024-01-15T12:00:01Z', stream: 'stdout', message: `auth ok ${JWT}`, redacted: false },
        {
          ts: '2024-01-15T12:00:02Z',
          stream: 'stderr',
          message: 'dsn postgres://app:pw1@db/app',
          redacted: false,
        },
        {
          ts: '2024-01-15T12:00:03Z',
          stream: 'stdout',
          message: '-----BEGIN RSA PRIVATE KEY-----',
          redacted: false,
        },
        { ts: '2024-01-15T12:00:03Z', stream: 'stdout', message: 'MIIEpAIBAAKCAQEAx', redacted: false },
        {
          ts: '2024-01-15T12:00:03Z',
          stream: 'stdout',
          message: '-----END RSA PRIVATE KEY-----',
          redacted: false,
        },
        { ts: '2024-01-15T12:00:04Z', stream: 'stdout', message: 'GET /health 200', redacted: false },
        { ts: '2024-01-15T12:00:05Z', stream: 'stdout', message: 'already hidden', redacted: true },
      ],
    };
    expect(redactor.redactDeep(result)).toEqual({
      ...result,
      lines: [
        { ...result.lines[0], message: `boot with ${R}`, redacted: true },
        { ...result.lines[1], message: `auth ok ${R}`, redacted: true },
        { ...result.lines[2], message: `dsn postgres://app:${R}@db/app`, redacted: true },
        { ...result.lines[3], message: R, redacted: true },
        { ...result.lines[4], message: R, redacted: true },
        { ...result.lines[5], message: R, redacted: true },
        result.lines[6],
        result.lines[7],
      ],
    });
    // The input is not modified.
    expect(result.lines[0]?.message).toBe('boot with AKIAIOSFODNN7EXAMPLE');
  });

  it('redacts every string of nested values and whole values under secret keys', () => {
    const value = {
      env: { POSTGRES_PASSWORD: 'pw', Authorization: 'Bearer abc', PORT: '5432', API_TOKEN: null },
      containers: [{ name: 'db', command: 'start --password=pw', restarts: 3, healthy: true }],
      logs: ['-----BEGIN PRIVATE KEY-----', 'MIIB', '-----END PRIVATE KEY-----', 'ready'],
    };
    expect(redactor.redactDeep(value)).toEqual({
      env: { POSTGRES_PASSWORD: R, Authorization: `Bearer ${R}`, PORT: '5432', API_TOKEN: null },
      containers: [{ name: 'db', command: `start --password=${R}`, restarts: 3, healthy: true }],
      logs: [R, R, R, 'ready'],
    });
  });

  it('keeps a __proto__ key as a plain key', () => {
    const parsed = JSON.parse('{"__proto__": {"token": "t1"}, "a": "b"}') as unknown;
    const out = redactor.redactDeep(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ token: R });
  });

  it('replaces a value nested beyond the depth limit instead of overflowing the stack', () => {
    let nested: unknown = 'AKIAIOSFODNN7EXAMPLE';
    for (let i = 0; i < 10_000; i++) nested = { n: nested };
    const json = JSON.stringify(redactor.redactDeep(nested));
    expect(json).not.toContain('AKIA');
    expect(json).toContain(R);
  });

  it('returns scalars as they are', () => {
    expect(redactor.redactDeep(42)).toBe(42);
    expect(redactor.redactDeep(null)).toBe(null);
    expect(redactor.redactDeep('token=abc')).toBe(`token=${R}`);
  });
});
