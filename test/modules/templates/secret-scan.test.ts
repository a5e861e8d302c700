import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findLiteralSecrets, redactDefinitionForPublic } from '../../../src/modules/templates/secret-scan.js';

const R = '***REDACTED***';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

/** A docker-compose service whose environment map holds one `key: value` line. */
const envMap = (line: string): string =>
  `services:\n  app:\n    image: ghcr.io/acme/app:1.4.2\n    environment:\n      ${line}\n`;

// [what, environment line, expected findings]. `\${` is a literal `${` in these template strings.
const envCases: Array<[string, string, string[]]> = [
  ['literal password', 'POSTGRES_PASSWORD: s3cret', ['services.app.environment.POSTGRES_PASSWORD']],
  ['placeholder is still literal', 'DB_PASSWORD: changeme', ['services.app.environment.DB_PASSWORD']],
  ['number read by YAML', 'MYSQL_ROOT_PASSWORD: 123456', ['services.app.environment.MYSQL_ROOT_PASSWORD']],
  [
    'non-empty default',
    `ADMIN_PASSWORD: \${ADMIN_PASSWORD:-admin}`,
    ['services.app.environment.ADMIN_PASSWORD'],
  ],
  ['passwd, any case', 'Smtp_Passwd: x1', ['services.app.environment.Smtp_Passwd']],
  ['client_secret', 'OAUTH_CLIENT_SECRET: abc', ['services.app.environment.OAUTH_CLIENT_SECRET']],
  ['apikey', 'MAPS_APIKEY: abc', ['services.app.environment.MAPS_APIKEY']],
  ['access_key', 'S3_ACCESS_KEY: abc', ['services.app.environment.S3_ACCESS_KEY']],
  ['private_key', 'JWT_PRIVATE_KEY: abc', ['services.app.environment.JWT_PRIVATE_KEY']],
  ['token', 'GITHUB_TOKEN: abc', ['services.app.environment.GITHUB_TOKEN']],
  ['secret shape under any key', 'AWS_ID: AKIAIOSFODNN7EXAMPLE', ['services.app.environment.AWS_ID']],
  ['URL with a password', 'CACHE_URL: redis://:hunter2@cache:6379/0', ['services.app.environment.CACHE_URL']],
  ['reference', `POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}`, []],
  ['bare reference', 'POSTGRES_PASSWORD: $POSTGRES_PASSWORD', []],
  ['required reference', `POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?set a password}`, []],
  ['empty default', `POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-}`, []],
  ['empty string', 'POSTGRES_PASSWORD: ""', []],
  ['mounted secret file', 'POSTGRES_PASSWORD_FILE: /run/secrets/db_password', []],
  ['boolean', 'TOKEN_AUTH_ENABLED: true', []],
  ['URL value under a secret key', 'OAUTH_TOKEN_URL: https://auth.example.com/token', []],
  ['URL with a referenced password', `DATABASE_URL: postgres://app:\${DB_PASSWORD}@db:5432/app`, []],
  ['ordinary variable', 'POSTGRES_USER: app', []],
];

describe('findLiteralSecrets on YAML environment maps', () => {
  it.each(envCases)('%s', (_what, line, expected) => {
    expect(findLiteralSecrets(envMap(line), 'yaml')).toEqual(expected);
  });
});

const compose = `# A vendor's stack
x-db-env: &db-env
  POSTGRES_DB: app
  POSTGRES_PASSWORD: anchored-secret

services:
  db:
    image: postgres:16
    environment: *db-env
    secrets: [db_password]
  web:
    image: ghcr.io/acme/web:2.0.0
    environment:
      - DB_PASSWORD=foo
      - DB_HOST=db
      - SESSION_SECRET=\${SESSION_SECRET}
      - API_TOKEN=\${API_TOKEN:-dev-token}
    command: ["serve", "--port=8080", "--api-key=k-12345"]
    labels:
      traefik.http.routers.web.rule: Host(\`shop.example.com\`)
      session: ${JWT}
  proxy:
    image: nginx:1.25.3
    configs:
      - source: tls_key
configs:
  tls_key:
    content: |
      -----BEGIN EC PRIVATE KEY-----
      MHcCAQEEIB3x
      -----END EC PRIVATE KEY-----
  tls_cert:
    content: |
      -----BEGIN CERTIFICATE-----
      MIIBszCCAVmg
      -----END CERTIFICATE-----
secrets:
  db_password:
    file: ./db_password.txt
`;

describe('findLiteralSecrets on a docker-compose file', () => {
  it('names every literal secret once, in document order', () => {
    expect(findLiteralSecrets(compose, 'yaml')).toEqual([
      'x-db-env.POSTGRES_PASSWORD',
      'services.web.environment.DB_PASSWORD',
      'services.web.environment.API_TOKEN',
      'services.web.command.--api-key',
      'services.web.labels.session',
      'configs.tls_key.content',
    ]);
  });

  it('finds nothing in a definition without literals', () => {
    const clean = compose
      .replace('anchored-secret', `\${POSTGRES_PASSWORD}`)
      .replace('DB_PASSWORD=foo', 'DB_PASSWORD_FILE=/run/secrets/db_password')
      .replace(':-dev-token', '')
      .replace('--api-key=k-12345', '--api-key-file=/run/secrets/key')
      .replace(`session: ${JWT}`, 'session: cookie')
      .replace(
        /-----BEGIN EC PRIVATE KEY-----\n {6}MHcCAQEEIB3x\n {6}-----END EC PRIVATE KEY-----/,
        'see docs',
      );
    expect(findLiteralSecrets(clean, 'yaml')).toEqual([]);
  });

  it('does not expand aliases (a billion-laughs document is walked in linear time)', () => {
    let doc = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 30; i++)
      doc += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    doc += 'token: abc\n';
    expect(findLiteralSecrets(doc, 'yaml')).toEqual(['token']);
  });

  it('scans a definition that does not parse as text, line by line', () => {
    const broken = `${envMap('DB_PASSWORD: foo')}      - [unclosed\n      AWS: AKIAIOSFODNN7EXAMPLE\n      USER: app\n`;
    expect(findLiteralSecrets(broken, 'yaml')).toEqual(['line 5: DB_PASSWORD', 'line 7']);
  });
});

describe('findLiteralSecrets on JSON definitions', () => {
  const definition = {
    name: 'shop',
    services: [
      {
        name: 'api',
        environment: { API_TOKEN: 'abc', PORT: 8080, apiKey: 'k1', DB_HOST: 'db' },
        env: ['REDIS_PASSWORD=pw', 'LOG_LEVEL=info'],
        healthcheck: { url: 'http://admin:admin@localhost:8080/health' },
      },
      { name: 'worker', environment: { clientSecret: `\${CLIENT_SECRET}`, note: 'token rotation daily' } },
    ],
  };

  it('names keys with array indexes', () => {
    expect(findLiteralSecrets(definition, 'json')).toEqual([
      'services[0].environment.API_TOKEN',
      'services[0].environment.apiKey',
      'services[0].env.REDIS_PASSWORD',
      'services[0].healthcheck.url',
    ]);
  });

  it('accepts JSON text and falls back to a text scan when it does not parse', () => {
    expect(findLiteralSecrets(JSON.stringify(definition), 'json')).toHaveLength(4);
    expect(findLiteralSecrets('{"db_password": "x",\n "user": "app",', 'json')).toEqual([
      'line 1: db_password',
    ]);
  });

  it('finds nothing in a clean definition, an empty one or none', () => {
    expect(findLiteralSecrets({ services: { web: { image: 'nginx', ports: ['80:80'] } } }, 'json')).toEqual(
      [],
    );
    expect(findLiteralSecrets({}, 'json')).toEqual([]);
    expect(findLiteralSecrets(undefined, 'json')).toEqual([]);
    expect(findLiteralSecrets('', 'yaml')).toEqual([]);
  });

  it('flags a value nested beyond the depth limit instead of overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5_000; i++) deep = [deep];
    expect(findLiteralSecrets(deep, 'json')).toHaveLength(1);
  });
});

describe('redactDefinitionForPublic', () => {
  it('returns valid YAML with secret values replaced and everything else kept', () => {
    const out = redactDefinitionForPublic(compose, 'yaml');
    expect(typeof out).toBe('string');
    const text = out as string;
    expect(text).toContain("# A vendor's stack");
    expect(text).toContain('&db-env');
    expect(text).not.toMatch(/anchored-secret|foo|dev-token|k-12345|MHcCAQEEIB3x|eyJhbGci/);
    const parsed = parse(text) as {
      'x-db-env': Record<string, string>;
      services: { web: { environment: string[]; command: string[]; labels: Record<string, string> } };
      configs: Record<string, { content: string }>;
    };
    expect(parsed['x-db-env']).toEqual({ POSTGRES_DB: 'app', POSTGRES_PASSWORD: R });
    expect(parsed.services.web.environment).toEqual([
      `DB_PASSWORD=${R}`,
      'DB_HOST=db',
      `SESSION_SECRET=\${SESSION_SECRET}`,
      `API_TOKEN=\${API_TOKEN:-${R}}`,
    ]);
    expect(parsed.services.web.command).toEqual(['serve', '--port=8080', `--api-key=${R}`]);
    expect(parsed.services.web.labels).toEqual({
      'traefik.http.routers.web.rule': 'Host(`shop.example.com`)',
      session: R,
    });
    expect(parsed.configs.tls_key?.content).toBe(`${R}\n`);
    expect(parsed.configs.tls_cert?.content).toContain('-----BEGIN CERTIFICATE-----');
    // Redacting what is published again changes nothing. (It would still fail the submit check: a
    // `***REDACTED***` password is as literal as `changeme`.)
    expect(redactDefinitionForPublic(text, 'yaml')).toBe(text);
  });

  it('returns YAML without secrets unchanged, byte for byte', () => {
    const clean = envMap(`POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}   # set at deploy time`);
    expect(redactDefinitionForPublic(clean, 'yaml')).toBe(clean);
  });

  it('keeps numbers that are secrets valid YAML', () => {
    const out = redactDefinitionForPublic(envMap('MYSQL_ROOT_PASSWORD: 123456'), 'yaml') as string;
    expect(parse(out)).toEqual({
      services: { app: { image: 'ghcr.io/acme/app:1.4.2', environment: { MYSQL_ROOT_PASSWORD: R } } },
    });
  });

  it('redacts a YAML text that does not parse line by line', () => {
    const broken = 'services: [\n  DB_PASSWORD: "foo"\n  USER: app\n';
    expect(redactDefinitionForPublic(broken, 'yaml')).toBe(
      `services: [\n  DB_PASSWORD: "${R}"\n  USER: app\n`,
    );
  });

  it('returns a new JSON object of the same shape and leaves the input alone', () => {
    const definition = {
      services: {
        api: { environment: { API_TOKEN: 'abc', PORT: 8080, HOST: 'db' }, env: ['REDIS_PASSWORD=pw', 'X=1'] },
      },
      enabled: true,
    };
    const copy = structuredClone(definition);
    expect(redactDefinitionForPublic(definition, 'json')).toEqual({
      services: {
        api: { environment: { API_TOKEN: R, PORT: 8080, HOST: 'db' }, env: [`REDIS_PASSWORD=${R}`, 'X=1'] },
      },
      enabled: true,
    });
    expect(definition).toEqual(copy);
  });

  it('returns JSON text as JSON text', () => {
    const out = redactDefinitionForPublic('{"auth": {"password": "pw", "user": "u"}}', 'json');
    expect(JSON.parse(out as string)).toEqual({ auth: { password: R, user: 'u' } });
    expect(redactDefinitionForPublic('{"a": 1}', 'json')).toBe('{"a": 1}');
  });
});
