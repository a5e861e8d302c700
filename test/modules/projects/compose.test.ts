import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeObject, composePort, composeYaml } from '../../../src/modules/projects/compose.js';
import { type CustomForm, projectForm } from '../../../src/modules/projects/form.js';
import { cliProjectBody } from '../../fixtures/project-forms.js';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { bearer } from '../../helpers/auth.js';
import {
  composeSchemaErrors,
  dockerComposeBinary,
  dockerComposeConfigError,
} from '../../helpers/compose-validation.js';

// Compose generation from real stacks, table-driven: each case is a form (as the CLI or the Stack
// Builder sends it) and what its compose must say. Every generated file is also checked against the
// Compose Specification schema and, where installed (CI), by `docker-compose config`.

type App = Record<string, unknown>;
const app = (code: string, extra: App = {}): App => ({
  _id: `id_${code}`,
  name: code,
  code,
  type: 'web',
  restart: 'always',
  custom: true,
  ...extra,
});
const form = (custom: Record<string, unknown>): CustomForm =>
  projectForm.parse({ custom: { custom_stack_code: 'stack', web: [], ...custom } }).custom;

const NET = 'cli_net_18c2f3a4b5';
const defaultNetwork = [{ id: NET, name: 'default_network', driver: 'bridge' }];

// biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document, read freely by the expectations
type Doc = Record<string, any>;

interface Case {
  name: string;
  custom: Record<string, unknown>;
  expect: (compose: Doc) => void;
}

const services = (c: Doc) => c.services as Doc;

const cases: Case[] = [
  {
    name: 'name + tag',
    custom: { web: [app('web', { dockerhub_name: 'nginx', dockerhub_tag: '1.27' })] },
    expect: (c) => expect(services(c).web.image).toBe('nginx:1.27'),
  },
  {
    name: 'name without a tag gets :latest',
    custom: { web: [app('web', { dockerhub_name: 'nginx' })] },
    expect: (c) => expect(services(c).web.image).toBe('nginx:latest'),
  },
  {
    name: 'user + name with its own tag',
    custom: {
      web: [
        app('postgres', { dockerhub_user: 'trydirect', dockerhub_name: 'postgres:v8', dockerhub_tag: 'x' }),
      ],
    },
    expect: (c) => expect(services(c).postgres.image).toBe('trydirect/postgres:v8'),
  },
  {
    name: 'a whole image is taken as written (no :latest)',
    custom: { web: [app('cache', { dockerhub_image: 'redis' })] },
    expect: (c) => expect(services(c).cache.image).toBe('redis'),
  },
  {
    name: 'a digest',
    custom: {
      web: [
        app('tiny', {
          dockerhub_image: 'alpine@sha256:0a5d1f8c3e6b2a4d9f7e1c3b5a7d9e2f4c6b8a0d2e4f6a8c0b2d4e6f8a0c2e4f',
        }),
      ],
    },
    expect: (c) => expect(services(c).tiny.image).toMatch(/^alpine@sha256:[0-9a-f]{64}$/),
  },
  {
    name: 'a registry host with dots stays in the name',
    custom: { web: [app('api', { dockerhub_name: 'ghcr.io/acme/api', dockerhub_tag: '2.1' })] },
    expect: (c) => expect(services(c).api.image).toBe('ghcr.io/acme/api:2.1'),
  },
  {
    name: 'a registry host with a port already holds a colon (no suffix, as upstream)',
    custom: { web: [app('app', { dockerhub_name: 'registry.local:5000/team/app', dockerhub_tag: '1.0' })] },
    expect: (c) => expect(services(c).app.image).toBe('registry.local:5000/team/app'),
  },
  {
    name: 'named vs bind volumes, top-level volumes for the named ones only',
    custom: {
      web: [
        app('database', {
          dockerhub_name: 'postgres',
          volumes: [
            { host_path: 'pgdata', container_path: '/var/lib/postgresql/data' },
            { host_path: './init', container_path: '/docker-entrypoint-initdb.d' },
            { host_path: '/srv/backups', container_path: '/backups' },
            { host_path: '~/certs', container_path: '/certs' },
          ],
        }),
      ],
    },
    expect: (c) => {
      expect(services(c).database.volumes.map((v: { type: string }) => v.type)).toEqual([
        'volume',
        'bind',
        'bind',
        'bind',
      ]);
      expect(services(c).database.volumes[0]).toEqual({
        type: 'volume',
        source: 'pgdata',
        target: '/var/lib/postgresql/data',
        read_only: false,
      });
      expect(c.volumes).toEqual({ pgdata: { name: 'pgdata' } });
    },
  },
  {
    name: ':ro and :rw suffixes',
    custom: {
      web: [
        app('web', {
          dockerhub_name: 'nginx',
          volumes: [
            { host_path: './site', container_path: '/usr/share/nginx/html:ro' },
            { host_path: './logs', container_path: '/var/log/nginx:rw' },
          ],
        }),
      ],
    },
    expect: (c) => {
      expect(services(c).web.volumes).toEqual([
        { type: 'bind', source: './site', target: '/usr/share/nginx/html', read_only: true },
        { type: 'bind', source: './logs', target: '/var/log/nginx', read_only: false },
      ]);
      expect(c).not.toHaveProperty('volumes');
    },
  },
  {
    name: 'udp and tcp ports',
    custom: {
      web: [
        app('dns', {
          dockerhub_name: 'coredns/coredns',
          shared_ports: [
            { host_port: '53', container_port: '53', protocol: 'udp' },
            { host_port: '8053', container_port: '53', protocol: 'tcp' },
          ],
        }),
      ],
    },
    expect: (c) =>
      expect(services(c).dns.ports).toEqual([
        { target: 53, published: 53, protocol: 'udp' },
        { target: 53, published: 8053, protocol: 'tcp' },
      ]),
  },
  {
    name: 'an empty or too large host port publishes nothing',
    custom: {
      web: [
        app('web', {
          dockerhub_name: 'nginx',
          shared_ports: [
            { host_port: '', container_port: '80' },
            { container_port: '443' },
            { host_port: '700000', container_port: '8080' },
          ],
        }),
      ],
    },
    expect: (c) => expect(services(c).web.ports).toEqual([{ target: 80 }, { target: 443 }, { target: 8080 }]),
  },
  {
    name: 'a repeated code keeps its first position and its last definition',
    custom: {
      web: [app('app', { dockerhub_name: 'first' }), app('web', { dockerhub_name: 'nginx' })],
      service: [app('app', { dockerhub_name: 'second', dockerhub_tag: '2' })],
      feature: [app('extra', { dockerhub_name: 'busybox' })],
    },
    expect: (c) => {
      expect(Object.keys(services(c))).toEqual(['app', 'web', 'extra']);
      expect(services(c).app.image).toBe('second:2');
    },
  },
  {
    name: "the CLI's default_network is external; app network ids become names",
    custom: {
      web: [app('web', { dockerhub_name: 'nginx', network: [NET] })],
      networks: defaultNetwork,
    },
    expect: (c) => {
      expect(services(c).web.networks).toEqual(['default_network']);
      expect(c.networks).toEqual({
        default_network: { name: 'default_network', driver: 'bridge', external: true },
      });
    },
  },
  {
    name: 'a custom network is created (not external) with its flags',
    custom: {
      web: [app('web', { dockerhub_name: 'nginx', network: ['n1', 'n2'] })],
      networks: [
        { id: 'n1', name: 'backend', driver: 'bridge', attachable: true, internal: true },
        { id: 'n2', name: 'proxy', external: true },
      ],
    },
    expect: (c) =>
      expect(c.networks).toEqual({
        backend: {
          name: 'backend',
          driver: 'bridge',
          attachable: true,
          enable_ipv6: false,
          internal: true,
          external: false,
        },
        proxy: { name: 'proxy', external: true },
      }),
  },
  {
    name: 'environment (list and map) as strings, command and entrypoint as short strings',
    custom: {
      web: [
        app('api', {
          dockerhub_name: 'acme/api',
          environment: { PORT: 8080, DEBUG: false, GREETING: 'yes', CODE: '0123', URL: 'http://a: b#c' },
          command: 'node server.js --port 8080',
          entrypoint: '/docker-entrypoint.sh',
        }),
      ],
      service: [
        app('worker', {
          dockerhub_name: 'acme/worker',
          environment: [{ key: 'QUEUE', value: 'jobs' }],
          command: '  ',
        }),
      ],
    },
    expect: (c) => {
      expect(services(c).api.environment).toEqual({
        PORT: '8080',
        DEBUG: 'false',
        GREETING: 'yes',
        CODE: '0123',
        URL: 'http://a: b#c',
      });
      expect(services(c).api.command).toBe('node server.js --port 8080');
      expect(services(c).api.entrypoint).toBe('/docker-entrypoint.sh');
      expect(services(c).worker).not.toHaveProperty('command');
      expect(services(c).worker.environment).toEqual({ QUEUE: 'jobs' });
    },
  },
  {
    name: 'no networks and no named volumes: neither top-level key',
    custom: { web: [app('web', { dockerhub_name: 'nginx' })] },
    expect: (c) => {
      expect(Object.keys(c)).toEqual(['version', 'services']);
      expect(c.version).toBe('3.8');
      expect(services(c).web).toEqual({ image: 'nginx:latest', restart: 'always' });
    },
  },
  {
    name: "the CLI's whole stack (build_project_body)",
    custom: cliProjectBody('website').custom,
    expect: (c) => {
      expect(Object.keys(services(c))).toEqual(['website', 'postgres', 'statuspanel']);
      expect(services(c).website).toMatchObject({
        image: 'nginx:1.27',
        ports: [{ target: 80, published: 8080 }],
        networks: ['default_network'],
      });
      expect(services(c).postgres.environment.POSTGRES_PASSWORD).toBe('s3cret-value');
      expect(services(c)).not.toHaveProperty('website.healthcheck');
    },
  },
  {
    name: 'an unknown network id is an empty name',
    custom: { web: [app('web', { dockerhub_name: 'nginx', network: ['missing'] })], networks: [] },
    expect: (c) => expect(services(c).web.networks).toEqual(['']),
  },
];

const binary = dockerComposeBinary();
if (!binary) console.warn('docker-compose is not installed: generated files are checked by the schema only');

describe('compose generation', () => {
  it.each(cases)('$name', async ({ custom, expect: check }) => {
    const text = composeYaml(form(custom));
    const parsed = parse(text);
    expect(parsed).toEqual(composeObject(form(custom)));
    check(parsed);
    // Never emitted, whatever the form says.
    for (const service of Object.values(parsed.services as Record<string, object>)) {
      for (const key of ['depends_on', 'healthcheck', 'labels', 'deploy'])
        expect(service).not.toHaveProperty(key);
    }
    const networkNames = Object.values(parsed.services as Record<string, { networks?: string[] }>).flatMap(
      (s) => s.networks ?? [],
    );
    expect(composeSchemaErrors(parsed)).toEqual([]);
    // docker-compose refuses a service on an undefined network; the "" of an unknown id is upstream's.
    if (binary && networkNames.every((n) => n !== ''))
      expect(await dockerComposeConfigError(binary, text)).toBeUndefined();
  });

  it('has at least 15 cases', () => expect(cases.length).toBeGreaterThanOrEqual(15));

  it('splits a container_port holding a whole mapping', () => {
    const base = { host_port: undefined, protocol: undefined };
    expect(composePort({ ...base, container_port: '8080:80' })).toEqual({ target: 80, published: 8080 });
    expect(composePort({ ...base, container_port: '127.0.0.1:8080:80/tcp' })).toEqual({
      target: 80,
      published: 8080,
      host_ip: '127.0.0.1',
    });
    expect(composePort({ ...base, host_port: '10.0.0.5', container_port: '9000:90' })).toEqual({
      target: 90,
      published: 9000,
      host_ip: '10.0.0.5',
    });
    expect(() => composePort({ ...base, container_port: '99999' })).toThrow(/container port/);
  });

  it('the schema refuses what compose would refuse (the check is not vacuous)', () => {
    expect(
      composeSchemaErrors({ services: { web: { image: 'x', ports: [{ target: 'eighty' }] } } }),
    ).not.toEqual([]);
    expect(
      composeSchemaErrors({ services: { web: { image: 'x', restart: 'always', bogus: true } } }),
    ).not.toEqual([]);
  });
});

describe('GET /project/{id}/compose', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['/api/v1/project', '/project'])(
    'answers %s/{id}/compose with the YAML as item and the id',
    async (prefix) => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/project',
        headers: bearer('customerFree'),
        payload: cliProjectBody('website'),
      });
      const id = created.json().item.id;
      const res = await t.app.inject({
        method: 'GET',
        url: `${prefix}/${id}/compose`,
        headers: bearer('customerFree'),
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body)).toEqual(['message', 'id', 'item']);
      expect(body).toMatchObject({ message: 'Success', id });
      expect(typeof body.item).toBe('string');
      expect(parse(body.item)).toEqual(composeObject(form(cliProjectBody('website').custom)));
      const other = await t.app.inject({
        method: 'GET',
        url: `${prefix}/${id}/compose`,
        headers: bearer('customerPro'),
      });
      expect(other.statusCode).toBe(404);
    },
  );

  it('is 400 when the metadata is not a valid ProjectForm', async () => {
    const row = await t.app.db
      .insertInto('project')
      .values({ user_id: '3', name: 'legacy', metadata: JSON.stringify({ template_slug: 'x' }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'GET',
      url: `/project/${row.id}/compose`,
      headers: bearer('customerFree'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_project_form');
  });
});
