import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/infra/redaction/index.js';

// Linear time is checked as a ratio over inputs 16 times apart, divided by the same ratio of a
// known-linear baseline (a global regex replace) measured in the same run on the same inputs: the
// baseline absorbs what the machine does to large strings (caches, GC), which alone can make a 16x input
// cost 15x to 100x here. Linear work gives about 1; a quadratic scanner about 16. The bound is 8 (half of
// quadratic: a loaded 2-core machine has measured linear work at 5.4), and a measurement is taken up to
// five times, because one quiet run proves linearity while a quadratic scanner never gets under the
// bound. No absolute time is asserted.
const redactor = createRedactor({ extraPrefixes: ['acme_'] });

function bestOf(runs: number, fn: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function growth(fn: (input: string) => unknown, small: string, large: string): number {
  bestOf(5, () => fn(small)); // warm up the JIT
  return bestOf(5, () => fn(large)) / bestOf(9, () => fn(small));
}

const baseline = (input: string) => input.replace(/[a-z]/g, 'x');
const BOUND = 8;

function relativeGrowth(unit: string): number {
  const small = unit.repeat(Math.ceil(50_000 / unit.length));
  const large = small.repeat(16);
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 5 && best > BOUND; attempt++) {
    const ratio = growth((s) => redactor.redactString(s), small, large) / growth(baseline, small, large);
    best = Math.min(best, ratio);
  }
  return best;
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
    expect(relativeGrowth(unit)).toBeLessThanOrEqual(BOUND);
  });

  it('still redacts a 1 MB line', () => {
    const line = 'x'.repeat(1_000_000) + ' DB_PASSWORD=pw';
    const out = redactor.redactString(line);
    expect(out.changed).toBe(true);
    expect(out.value.endsWith('DB_PASSWORD=***REDACTED***')).toBe(true);
  });
});
