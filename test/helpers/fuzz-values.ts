import fc from 'fast-check';

// Hostile values for the fuzz test: what a careless or malicious client sends in place of what the
// schema asks for. Strings go into paths and queries; JSON values into bodies.

const MEGABYTE = 'x'.repeat(1024 * 1024);

/** Strings chosen by hand: each one broke something somewhere once. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  '\u202e\u0301\ufeff',
  '𝕏🙂',
  MEGABYTE,
  '9'.repeat(400),
  '-1',
  '0',
  '1e309',
  '-9223372036854775809',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'toString',
  '../../etc/passwd',
  "' OR 1=1 --",
  '2026-13-45T99:99:99Z',
  'c1.9999999999999999.',
  '00000000-0000-0000-0000-000000000000',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, true, false, null),
  fc.integer(),
  fc.constantFrom(nested(33), nested(200), { ['__proto__']: { admin: true } }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(hostileString, { maxLength: 5 }),
);

/**
 * Percent-encodes the UTF-8 bytes of `s` (a lone surrogate becomes U+FFFD on the way, as it would on
 * any real client); `encodeURIComponent` throws on those.
 */
export function encodeSegment(s: string): string {
  return [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

/** Raw URL pieces no encoder would make: broken escapes and an encoded NUL. */
export const RAW_SEGMENTS = ['%ff', '%', '%zz', '%00', '%c0%ae', '%2e%2e%2f'];

/** Whole bodies that are not the JSON object a route expects, with the content type they claim. */
export const ODD_BODIES: { contentType: string | undefined; payload: string }[] = [
  { contentType: 'application/json', payload: '' },
  { contentType: 'application/json', payload: '{"a":' },
  { contentType: 'application/json', payload: 'null' },
  { contentType: 'application/json', payload: '[]' },
  { contentType: 'application/json', payload: '"text"' },
  { contentType: 'application/json', payload: '1e309' },
  { contentType: 'application/json', payload: '{"__proto__":{"x":1}}' },
  { contentType: 'application/json', payload: '{"constructor":{"prototype":{"x":1}}}' },
  { contentType: 'application/json', payload: `{"a":"${MEGABYTE}"}` },
  { contentType: 'application/json', payload: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { contentType: 'application/json', payload: '\ufeff{}' },
  { contentType: 'text/plain', payload: 'hello' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=2' },
  { contentType: 'application/json; charset=latin1', payload: '{}' },
  { contentType: undefined, payload: '{}' },
];
