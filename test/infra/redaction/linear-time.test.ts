import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/infra/redaction/index.js';

// Linear time is checked as a ratio: a 2 MB line may take at most 3.5 times as long as a 1 MB line
// (2 for linear work, the rest for noise). A quadratic scanner would take about 4 times as long. No
// absolute time is asserted; the best of several runs damps noise from other work on the machine.
const redactor = createRedactor({ extraPrefixes: ['acme_'] });

function bestOf(runs: number, input: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    redactor.redactString(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function ratio(unit: string): number {
  const one = unit.repeat(Math.ceil(1_000_000 / unit.length));
  const two = one + one;
  bestOf(2, one); // warm up the JIT
  return bestOf(5, two) / bestOf(5, one);
}

const units: Array<[string, string]> = [
  [
    'a realistic line with every kind of secret',
    'user=42 password=abc https://u:p@h/x eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig 4111 1111 1111 1111 AKIAIOSFODNN7EXAMPLE acme_x ',
  ],
  ['JWT starts that never complete', 'eyJaaaaaaaaaaaa.'],
  ['URL schemes with user info', '://a@'],
  ['digit groups', '1234 '],
  ['names with separators', 'token:'],
  ['unterminated quotes', 'password="'],
  ['PEM markers without a label end', '-----BEGIN '],
];

describe('redactor cost', () => {
  it.each(units)('grows linearly: %s', (_name, unit) => {
    expect(ratio(unit)).toBeLessThanOrEqual(3.5);
  });

  it('still redacts a 1 MB line', () => {
    const line = 'x'.repeat(1_000_000) + ' DB_PASSWORD=pw';
    const out = redactor.redactString(line);
    expect(out.changed).toBe(true);
    expect(out.value.endsWith('DB_PASSWORD=***REDACTED***')).toBe(true);
  });
});
