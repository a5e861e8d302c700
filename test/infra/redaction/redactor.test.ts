import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/infra/redaction/index.js';

const R = '***REDACTED***';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const redactor = createRedactor({ extraVars: ['INTERNAL_DSN'], extraPrefixes: ['acme_', '  ', ''] });

// [rule, input, expected]. An expected value equal to the input is a negative case: the line stays as it is.
const cases: Array<[string, string, string]> = [
  // 1. names and values
  ['1 blacklisted NAME=value', 'DB_PASSWORD=hunter2 user=bob', `DB_PASSWORD=${R} user=bob`],
  ['1 NAME: value', 'MYSQL_ROOT_PASSWORD: s3cret', `MYSQL_ROOT_PASSWORD: ${R}`],
  [
    '1 "NAME": "value" keeps quotes',
    '{"api_key": "k-123 456", "user": "x"}',
    `{"api_key": "${R}", "user": "x"}`,
  ],
  ['1 single-quoted (Python repr)', "{'secret': 'abc', 'n': 1}", `{'secret': '${R}', 'n': 1}`],
  ['1 name containing TOKEN, any case', 'refresh_Token=abc.def&page=2', `refresh_Token=${R}&page=2`],
  ['1 name containing CREDENTIAL', 'GOOGLE_CREDENTIALS=/x.json done', `GOOGLE_CREDENTIALS=${R} done`],
  ['1 blacklisted name not matching a part', 'DATABASE_URL=postgres://db/app', `DATABASE_URL=${R}`],
  ['1 PASSWORD_MIN_LENGTH has a value: redacted', 'PASSWORD_MIN_LENGTH=8', `PASSWORD_MIN_LENGTH=${R}`],
  ['1 command-line flag', 'run --db-password=abc --verbose', `run --db-password=${R} --verbose`],
  ['1 escaped JSON in a message', '{\\"token\\":\\"abc\\"}', `{\\"token\\":\\"${R}\\"}`],
  ['1 extra var from config', 'INTERNAL_DSN=mysql://h/db', `INTERNAL_DSN=${R}`],
  ['1 reference read whole', `PASSWORD=\${PW:-a,b} next`, `PASSWORD=${R} next`],
  [
    '1 negative: prose mentioning password',
    'password reset email sent to user 42',
    'password reset email sent to user 42',
  ],
  ['1 negative: keyword value', '{"token": null}', '{"token": null}'],
  ['1 negative: other names', 'user=bob status=200 path=/login', 'user=bob status=200 path=/login'],
  ['1 negative: comparison', 'if token == expected', 'if token == expected'],
  // 2. Authorization and JWTs
  ['2 Authorization: Bearer', 'Authorization: Bearer abc.def-123', `Authorization: Bearer ${R}`],
  [
    '2 Authorization: Basic in a curl line',
    'curl -H "Authorization: Basic dXNlcjpwYXNz" https://x',
    `curl -H "Authorization: Basic ${R}" https://x`,
  ],
  ['2 JSON authorization header', '{"authorization":"Token 0a1b2c"}', `{"authorization":"Token ${R}"}`],
  ['2 bare Bearer credential', 'sent bearer 9f8e7d6c5b4a', `sent bearer ${R}`],
  ['2 bare Basic credential', 'using Basic YWRtaW46czNjcjN0', `using Basic ${R}`],
  ['2 bare JWT', `session ${JWT} ok`, `session ${R} ok`],
  [
    '2 negative: Bearer prose',
    'Bearer authentication failed for user 42',
    'Bearer authentication failed for user 42',
  ],
  ['2 negative: Basic prose', 'Basic authentication enabled', 'Basic authentication enabled'],
  ['2 negative: JWT header only', 'alg eyJhbGciOiJIUzI1NiJ9 seen', 'alg eyJhbGciOiJIUzI1NiJ9 seen'],
  // 3. URL credentials
  ['3 DSN password', 'connect postgres://app:s3cr3t@db:5432/app', `connect postgres://app:${R}@db:5432/app`],
  ['3 empty user', 'redis://:pa55@cache:6379/0', `redis://:${R}@cache:6379/0`],
  ['3 @ inside the password', 'amqp://u:p@ss@mq/vh', `amqp://u:${R}@mq/vh`],
  ['3 user named token keeps the user', 'https://token:abc@host/x', `https://token:${R}@host/x`],
  [
    '3 negative: plain URL',
    'GET https://example.com:8443/a?b=1#c 200',
    'GET https://example.com:8443/a?b=1#c 200',
  ],
  ['3 negative: user without password', 'ssh://git@github.com/x.git', 'ssh://git@github.com/x.git'],
  ['3 negative: @ in the query', 'https://h/p?email=a@b.com', 'https://h/p?email=a@b.com'],
  // 4. PEM in one string
  [
    '4 PEM block in one string',
    'key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nq83jd==\n-----END RSA PRIVATE KEY-----\nloaded',
    `key:\n${R}\nloaded`,
  ],
  [
    '4 escaped PEM on one line',
    '"-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----\\n"',
    `"${R}\\n"`,
  ],
  ['4 unterminated PEM runs to the end', 'x -----BEGIN EC PRIVATE KEY-----\nMHcC', `x ${R}`],
  [
    '4 negative: certificate',
    '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----',
    '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----',
  ],
  // 5. key shapes and extra prefixes
  ['5 AWS access key id', 'key AKIAIOSFODNN7EXAMPLE here', `key ${R} here`],
  ['5 GitHub classic token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', R],
  ['5 GitHub fine-grained token', 'pat=github_pat_11ABCDEFG0123456789_abcdefghijk', `pat=${R}`],
  ['5 Stripe live key', 'stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc', `stripe ${R}`],
  ['5 Slack token', 'slack xoxb-123456789012-abcdefABCDEF', `slack ${R}`],
  ['5 extra prefix', 'got acme_k1;x and "acme_k2"', `got ${R} and "${R}"`],
  ['5 negative: AWS id one short', 'AKIAIOSFODNN7EXAMPL', 'AKIAIOSFODNN7EXAMPL'],
  [
    '5 negative: prefix in prose',
    'GitHub tokens start with ghp_ and acme_ keys too',
    'GitHub tokens start with ghp_ and acme_ keys too',
  ],
  ['5 negative: Stripe test key', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'],
  [
    '5 negative: prefix inside a word',
    'xghp_abcdefghijklmnopqrstuvwxyz0123456789',
    'xghp_abcdefghijklmnopqrstuvwxyz0123456789',
  ],
  // 6. card numbers
  ['6 card, one run', 'card=4111111111111111 ok', `card=${R} ok`],
  ['6 card grouped by spaces', 'paid with 4111 1111 1111 1111 today', `paid with ${R} today`],
  ['6 Amex grouped by dashes', 'amex 3782-822463-10005', `amex ${R}`],
  ['6 card followed by a year', '4111 1111 1111 1111 2031', `${R} 2031`],
  ['6 negative: ms timestamp', 'ts=1700000000000 took 12ms', 'ts=1700000000000 took 12ms'],
  ['6 negative: fails Luhn', 'order 4111111111111112', 'order 4111111111111112'],
  ['6 negative: longer digit run', 'id 41111111111111110000', 'id 41111111111111110000'],
  ['6 negative: float digits', 'ratio 0.4111111111111111', 'ratio 0.4111111111111111'],
  ['6 negative: hex hash', 'sha 4111111111111111abcdef', 'sha 4111111111111111abcdef'],
  // lines that must stay untouched
  ['- UUID', 'request 550e8400-e29b-41d4-a716-446655440000', 'request 550e8400-e29b-41d4-a716-446655440000'],
  [
    '- versions and dates',
    'nginx/1.25.3 v2.0.0-rc.1 2024-01-15T12:30:45.123Z',
    'nginx/1.25.3 v2.0.0-rc.1 2024-01-15T12:30:45.123Z',
  ],
  [
    '- plain log line',
    '[info] listening on 0.0.0.0:8080 (pid 42)',
    '[info] listening on 0.0.0.0:8080 (pid 42)',
  ],
  ['- already redacted', `DB_PASSWORD=${R} postgres://u:${R}@h`, `DB_PASSWORD=${R} postgres://u:${R}@h`],
];

describe('redactString', () => {
  it.each(cases)('%s', (_rule, input, expected) => {
    const result = redactor.redactString(input);
    expect(result.value).toBe(expected);
    expect(result.changed).toBe(expected !== input);
  });

  it('has positive and negative cases for every rule', () => {
    for (const rule of ['1', '2', '3', '4', '5', '6']) {
      const ofRule = cases.filter(([name]) => name.startsWith(`${rule} `));
      expect(ofRule.some(([, i, e]) => i !== e)).toBe(true);
      expect(ofRule.some(([, i, e]) => i === e)).toBe(true);
    }
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it('ignores blank extra prefixes instead of redacting everything', () => {
    expect(redactor.redactString('a b  c').value).toBe('a b  c');
  });
});
