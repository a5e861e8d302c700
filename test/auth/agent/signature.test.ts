import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type AgentRequestParts,
  canonicalStringV2,
  isTimestampFresh,
  parseSignatureVersion,
  signAgentRequest,
  verifyAgentSignature,
} from '../../../src/auth/agent/signature.js';

interface VectorCase {
  name: string;
  method: string;
  path: string;
  body: string;
  x_agent_signature: string;
  x_agent_signature_hex?: string;
  x_agent_signature_version?: string;
  canonical_string?: string;
  expect?: 'reject';
}

interface Vectors {
  agent_token: string;
  x_timestamp: string;
  x_request_id: string;
  cases: VectorCase[];
}

const vectors = JSON.parse(
  readFileSync(path.resolve(process.cwd(), 'test/fixtures/vectors/agent-signatures.json'), 'utf8'),
) as Vectors;

function partsOf(c: VectorCase): AgentRequestParts {
  const version = parseSignatureVersion(c.x_agent_signature_version);
  if (version === undefined) throw new Error(`bad version in vector ${c.name}`);
  return {
    version,
    token: vectors.agent_token,
    method: c.method,
    rawUrl: c.path,
    timestamp: vectors.x_timestamp,
    requestId: vectors.x_request_id,
    body: Buffer.from(c.body, 'utf8'),
  };
}

describe('agent signature vectors', () => {
  it('covers every case of the file', () => {
    expect(vectors.cases.length).toBeGreaterThanOrEqual(5);
  });

  for (const c of vectors.cases) {
    if (c.expect === 'reject') {
      it(`rejects: ${c.name}`, () => {
        expect(verifyAgentSignature({ ...partsOf(c), signature: c.x_agent_signature })).toBe(false);
        expect(signAgentRequest(partsOf(c))).not.toBe(c.x_agent_signature);
      });
      continue;
    }
    it(`accepts: ${c.name}`, () => {
      const parts = partsOf(c);
      expect(signAgentRequest(parts)).toBe(c.x_agent_signature);
      expect(verifyAgentSignature({ ...parts, signature: c.x_agent_signature })).toBe(true);
      if (c.x_agent_signature_hex) {
        expect(verifyAgentSignature({ ...parts, signature: c.x_agent_signature_hex })).toBe(true);
        expect(verifyAgentSignature({ ...parts, signature: c.x_agent_signature_hex.toUpperCase() })).toBe(
          true,
        );
      }
      if (c.canonical_string) {
        expect(
          canonicalStringV2({ ...parts, timestamp: vectors.x_timestamp, requestId: vectors.x_request_id }),
        ).toBe(c.canonical_string);
      }
    });
  }
});

describe('verifyAgentSignature', () => {
  const v1Case = vectors.cases.find((c) => c.name === 'v1 POST report')!;
  const v2Case = vectors.cases.find((c) => c.name === 'v2 POST report')!;

  it('accepts hex of any case for every signature, not only the vector that lists it', () => {
    const parts = partsOf(v2Case);
    const hex = Buffer.from(v2Case.x_agent_signature, 'base64').toString('hex');
    expect(verifyAgentSignature({ ...parts, signature: hex.toUpperCase() })).toBe(true);
  });

  it('refuses a missing, empty, malformed or truncated signature', () => {
    const parts = partsOf(v1Case);
    for (const signature of [undefined, '', 'not-a-signature', v1Case.x_agent_signature.slice(0, 40)]) {
      expect(verifyAgentSignature({ ...parts, signature })).toBe(false);
    }
  });

  it('refuses a signature made with another token', () => {
    const parts = partsOf(v1Case);
    const forged = signAgentRequest({ ...parts, token: `${vectors.agent_token}x` });
    expect(verifyAgentSignature({ ...parts, signature: forged })).toBe(false);
  });

  it('v1 ignores method, URL, timestamp and request id (body integrity only)', () => {
    const parts = partsOf(v1Case);
    const moved = { ...parts, method: 'PUT', rawUrl: '/elsewhere', timestamp: '1', requestId: 'other' };
    expect(verifyAgentSignature({ ...moved, signature: v1Case.x_agent_signature })).toBe(true);
  });

  it.each([
    ['method', { method: 'PUT' }],
    ['path', { rawUrl: '/api/v1/agent/commands/report?x=1' }],
    ['timestamp', { timestamp: '1767916806' }],
    ['request id', { requestId: '00000000-0000-4000-8000-000000000000' }],
    ['body', { body: Buffer.from('{}') }],
  ])('v2 binds the %s', (_what, change) => {
    const parts = { ...partsOf(v2Case), ...change };
    expect(verifyAgentSignature({ ...parts, signature: v2Case.x_agent_signature })).toBe(false);
  });

  it('v2 without timestamp or request id cannot verify, and cannot be signed', () => {
    const parts = partsOf(v2Case);
    expect(
      verifyAgentSignature({ ...parts, timestamp: undefined, signature: v2Case.x_agent_signature }),
    ).toBe(false);
    expect(
      verifyAgentSignature({ ...parts, requestId: undefined, signature: v2Case.x_agent_signature }),
    ).toBe(false);
    expect(() => signAgentRequest({ ...parts, timestamp: undefined })).toThrow(TypeError);
  });

  it('a v1 signature does not pass as v2', () => {
    const parts = partsOf(v2Case);
    expect(verifyAgentSignature({ ...parts, signature: v1Case.x_agent_signature })).toBe(false);
  });
});

describe('parseSignatureVersion', () => {
  it.each([
    [undefined, 1],
    ['1', 1],
    ['2', 2],
    [' 2 ', 2],
    ['', undefined],
    ['3', undefined],
    ['v2', undefined],
    ['02', undefined],
  ])('%j → %j', (header, expected) => {
    expect(parseSignatureVersion(header)).toBe(expected);
  });
});

describe('isTimestampFresh', () => {
  const now = 1_767_916_805;
  it.each([
    [String(now), true],
    [String(now - 300), true],
    [String(now + 300), true],
    [String(now - 301), false],
    [String(now + 301), false],
    [undefined, false],
    ['', false],
    ['abc', false],
    ['-5', false],
    ['1767916805.5', false],
    [String(now * 1000), false],
  ])('%j → %s', (ts, expected) => {
    expect(isTimestampFresh(ts, now, 300)).toBe(expected);
  });
});
