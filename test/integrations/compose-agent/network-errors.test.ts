import { describe, expect, it } from 'vitest';
import { ComposeAddressBlockedError } from '../../../src/integrations/compose-agent/index.js';
import { classifyNetworkError } from '../../../src/integrations/compose-agent/network-errors.js';

const withCode = (code: string, cause?: unknown) => Object.assign(new Error(code, { cause }), { code });

describe('classifyNetworkError', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED'), 'refused'],
    ['a DNS failure wrapped by undici', new Error('fetch failed', { cause: withCode('ENOTFOUND') }), 'dns'],
    ['a temporary DNS failure', withCode('EAI_AGAIN'), 'dns'],
    ['a connect timeout', withCode('UND_ERR_CONNECT_TIMEOUT'), 'connect_timeout'],
    ['an unreachable host', withCode('EHOSTUNREACH'), 'connect_timeout'],
    ['a reset', withCode('ECONNRESET'), 'network'],
    ['an error without a code', new Error('socket hang up'), 'network'],
    ['a thrown string', 'boom', 'network'],
  ])('reads %s', (_what, err, reason) => {
    expect(classifyNetworkError(err)).toEqual({ kind: 'unreachable', reason });
  });

  it('reads every address of a happy-eyeballs AggregateError', () => {
    const err = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed');
    expect(classifyNetworkError(err)).toEqual({ kind: 'unreachable', reason: 'refused' });
  });

  it('puts a blocked address before any other reason, however deep it is', () => {
    const blocked = new ComposeAddressBlockedError('agent.example.com', '10.0.0.1', 'private');
    const err = withCode('ECONNRESET', new Error('connect', { cause: blocked }));
    expect(classifyNetworkError(err)).toEqual({ kind: 'unreachable', reason: 'blocked' });
  });

  it('stops on a cause cycle', () => {
    const a = withCode('ECONNRESET');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(classifyNetworkError(a)).toEqual({ kind: 'unreachable', reason: 'network' });
  });
});
