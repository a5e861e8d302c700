import { describe, expect, it } from 'vitest';
import {
  COMMAND_TYPES,
  getCommandSpec,
  parseCommandParameters,
} from '../../../src/modules/commands/catalog.js';

function params(type: string, raw: unknown): Record<string, unknown> {
  const result = parseCommandParameters(type, raw);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.params;
}

function errors(type: string, raw: unknown): { path: string; message: string }[] {
  const result = parseCommandParameters(type, raw);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.params)}`);
  return result.errors;
}

// Minimal valid input → parameters with every default filled in.
const DEFAULTS: Record<string, [Record<string, unknown>, Record<string, unknown>]> = {
  health: [{}, { app_code: 'all', include_metrics: true, include_system: false }],
  logs: [{ app_code: 'web' }, { app_code: 'web', limit: 400, streams: ['stdout', 'stderr'], redact: true }],
  list_containers: [{}, { include_health: true, include_logs: false, log_lines: 10 }],
  server_resources: [{}, { include_disk: true, include_network: true }],
  error_summary: [{}, { hours: 24, redact: true }],
  restart: [{ app_code: 'web' }, { app_code: 'web', force: false }],
  start: [{ app_code: 'web' }, { app_code: 'web' }],
  stop: [{ app_code: 'web' }, { app_code: 'web', timeout: 30 }],
  deploy_app: [
    { app_code: 'web' },
    { app_code: 'web', pull: true, force_recreate: false, force_config_overwrite: false, runtime: 'runc' },
  ],
  remove_app: [
    { app_code: 'web' },
    { app_code: 'web', delete_config: true, remove_volumes: false, remove_image: false },
  ],
  pause: [{ app_code: 'web' }, { app_code: 'web' }],
  rebuild: [{}, {}],
  backup: [{}, {}],
  deploy_with_configs: [
    { app_code: 'web' },
    { app_code: 'web', pull: true, force_recreate: false, apply_configs: true },
  ],
  fetch_config: [{ app_code: 'web' }, { app_code: 'web', apply: false }],
  apply_config: [{ app_code: 'web' }, { app_code: 'web', restart_after: true }],
  fetch_all_configs: [{}, { app_codes: [], apply: false, archive: false }],
  config_diff: [{}, { app_codes: [], include_diff: false }],
  configure_proxy: [
    { app_code: 'web', domain_names: ['a.example.com'], forward_port: 8080 },
    {
      app_code: 'web',
      domain_names: ['a.example.com'],
      forward_port: 8080,
      ssl_enabled: true,
      ssl_forced: true,
      http2_support: true,
      action: 'create',
    },
  ],
  configure_firewall: [
    { public_ports: [{ port: 443 }] },
    {
      action: 'add',
      public_ports: [{ port: 443, protocol: 'tcp', source: '0.0.0.0/0' }],
      private_ports: [],
      persist: true,
    },
  ],
  probe_endpoints: [
    { app_code: 'web' },
    {
      app_code: 'web',
      protocols: ['openapi', 'html_forms', 'rest'],
      probe_timeout: 5,
      capture_samples: false,
    },
  ],
  check_connections: [{}, {}],
  exec: [
    { app_code: 'web', command: 'ls /tmp' },
    { app_code: 'web', command: 'ls /tmp', timeout: 30, redact_output: true },
  ],
  activate_pipe: [
    { pipe_instance_id: 'p1', target_url: 'https://example.com/hook' },
    {
      pipe_instance_id: 'p1',
      target_url: 'https://example.com/hook',
      source_endpoint: '/',
      source_method: 'GET',
      target_endpoint: '/',
      target_method: 'POST',
      trigger_type: 'webhook',
    },
  ],
  deactivate_pipe: [{ pipe_instance_id: 'p1' }, { pipe_instance_id: 'p1' }],
  trigger_pipe: [{ pipe_instance_id: 'p1' }, { pipe_instance_id: 'p1', trigger_type: 'manual' }],
};

const REQUIRES_APP_CODE = [
  'logs',
  'restart',
  'start',
  'stop',
  'deploy_app',
  'remove_app',
  'pause',
  'deploy_with_configs',
  'fetch_config',
  'apply_config',
  'probe_endpoints',
];

describe('parameter defaults', () => {
  it('has a row for every catalog type', () => {
    expect(Object.keys(DEFAULTS).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it.each(Object.entries(DEFAULTS))('%s fills its defaults', (type, [input, expected]) => {
    expect(params(type, input)).toStrictEqual(expected);
  });

  it.each(Object.entries(DEFAULTS))(
    '%s treats null as absent and keeps keys the catalog does not name',
    (type, [input, expected]) => {
      const spec = getCommandSpec(type)!;
      const shape = Object.keys((spec.params as unknown as { shape: Record<string, unknown> }).shape);
      const nulls = Object.fromEntries(shape.filter((k) => !(k in input)).map((k) => [k, null]));
      const extra = { surprise: 1, registry_auth_hint: { a: [1] } };
      expect(params(type, { ...input, ...nulls, ...extra })).toStrictEqual({ ...expected, ...extra });
    },
  );

  it('accepts absent parameters as an empty object', () => {
    expect(params('health', undefined)).toStrictEqual(DEFAULTS.health![1]);
    expect(params('health', null)).toStrictEqual(DEFAULTS.health![1]);
  });

  it('keeps values that were given', () => {
    expect(
      params('logs', { app_code: 'db', container: 'db-1', cursor: 'c1', limit: 1000, streams: ['stderr'] }),
    ).toEqual({
      app_code: 'db',
      container: 'db-1',
      cursor: 'c1',
      limit: 1000,
      streams: ['stderr'],
      redact: true,
    });
    expect(
      params('deploy_app', { app_code: 'web', image: 'nginx:1.27', env_vars: { A_B: 'x' }, runtime: 'kata' }),
    ).toMatchObject({ image: 'nginx:1.27', env_vars: { A_B: 'x' }, runtime: 'kata' });
  });

  it('treats a blank optional string as absent', () => {
    expect(params('health', { app_code: '', container: '  ' })).toStrictEqual(DEFAULTS.health![1]);
    expect(params('rebuild', { app_code: ' ' })).toStrictEqual({});
  });
});

describe('required app_code', () => {
  it.each(REQUIRES_APP_CODE)('%s: missing, null and blank give "<type>.app_code is required"', (type) => {
    const message = `${type}.app_code is required`;
    for (const raw of [{}, { app_code: null }, { app_code: '' }, { app_code: '   ' }]) {
      expect(errors(type, raw)).toEqual([{ path: 'parameters.app_code', message }]);
    }
  });

  it.each(['Web', '-web', 'we b', 'a'.repeat(64), 'web/../etc'])('refuses app_code %j', (appCode) => {
    const [first] = errors('restart', { app_code: appCode });
    expect(first?.path).toBe('parameters.app_code');
    expect(first?.message).toContain('restart.app_code must match');
  });

  it.each(['web', '0', 'my_app.v2-x', 'a'.repeat(63)])('accepts app_code %j', (appCode) => {
    expect(params('restart', { app_code: appCode }).app_code).toBe(appCode);
  });

  it('refuses a non-string app_code with a clear message', () => {
    expect(errors('stop', { app_code: 5 })).toEqual([
      { path: 'parameters.app_code', message: 'stop.app_code must be a string' },
    ]);
  });
});

describe('invalid values', () => {
  it.each([
    ['logs', { app_code: 'web', limit: 0 }, 'parameters.limit'],
    ['logs', { app_code: 'web', limit: 1001 }, 'parameters.limit'],
    ['logs', { app_code: 'web', limit: 10.5 }, 'parameters.limit'],
    ['logs', { app_code: 'web', limit: '400' }, 'parameters.limit'],
    ['logs', { app_code: 'web', streams: ['stdin'] }, 'parameters.streams.0'],
    ['logs', { app_code: 'web', streams: [] }, 'parameters.streams'],
    ['logs', { app_code: 'web', redact: 'yes' }, 'parameters.redact'],
    ['list_containers', { log_lines: 101 }, 'parameters.log_lines'],
    ['error_summary', { hours: 169 }, 'parameters.hours'],
    ['error_summary', { hours: 0 }, 'parameters.hours'],
    ['stop', { app_code: 'web', timeout: 301 }, 'parameters.timeout'],
    ['deploy_app', { app_code: 'web', runtime: 'gvisor' }, 'parameters.runtime'],
    ['deploy_app', { app_code: 'web', env_vars: { A: 1 } }, 'parameters.env_vars.A'],
    ['deploy_app', { app_code: 'web', env_vars: { 'BAD-NAME': 'x' } }, 'parameters.env_vars.BAD-NAME'],
    ['deploy_app', { app_code: 'web', env_vars: ['A=1'] }, 'parameters.env_vars'],
    ['restart', { app_code: 'web', container: 'bad name' }, 'parameters.container'],
    ['health', { include_metrics: 1 }, 'parameters.include_metrics'],
    ['configure_proxy', { app_code: 'web', domain_names: ['a.io'] }, 'parameters.forward_port'],
    ['configure_proxy', { app_code: 'web', domain_names: [], forward_port: 80 }, 'parameters.domain_names'],
    [
      'configure_proxy',
      { app_code: 'web', domain_names: ['a.io'], forward_port: 0 },
      'parameters.forward_port',
    ],
    ['configure_firewall', {}, 'parameters.public_ports'],
    ['configure_firewall', { action: 'remove', private_ports: [] }, 'parameters.public_ports'],
    ['configure_firewall', { public_ports: [{ port: 0 }] }, 'parameters.public_ports.0.port'],
    [
      'configure_firewall',
      { public_ports: [{ port: 22, protocol: 'icmp' }] },
      'parameters.public_ports.0.protocol',
    ],
    ['configure_firewall', { action: 'open' }, 'parameters.action'],
    ['probe_endpoints', { app_code: 'web', probe_timeout: 31 }, 'parameters.probe_timeout'],
    ['probe_endpoints', { app_code: 'web', protocols: ['soap'] }, 'parameters.protocols.0'],
    ['check_connections', { ports: [70000] }, 'parameters.ports.0'],
    ['exec', { app_code: 'web' }, 'parameters.command'],
    ['activate_pipe', { pipe_instance_id: 'p' }, 'parameters.target_container'],
    ['activate_pipe', { target_url: 'https://x.io' }, 'parameters.pipe_instance_id'],
    [
      'activate_pipe',
      { pipe_instance_id: 'p', target_url: 'https://x.io', trigger_type: 'amqp' },
      'parameters.source_broker_url',
    ],
    [
      'activate_pipe',
      { pipe_instance_id: 'p', target_url: 'https://x.io', poll_interval_secs: 5 },
      'parameters.poll_interval_secs',
    ],
    [
      'deploy_app',
      { app_code: 'web', registry_auth: { username: 'u' } },
      'parameters.registry_auth.password',
    ],
  ])('%s %j fails at %s', (type, raw, path) => {
    expect(errors(type, raw).map((e) => e.path)).toContain(path);
  });

  it('names the type and field in range messages', () => {
    expect(errors('logs', { app_code: 'web', limit: 0 })).toEqual([
      { path: 'parameters.limit', message: 'logs.limit must be an integer between 1 and 1000' },
    ]);
    expect(errors('deploy_app', { app_code: 'web', runtime: 'gvisor' })[0]?.message).toBe(
      'deploy_app.runtime must be one of runc, kata',
    );
  });

  it('reports every failing field at once', () => {
    const paths = errors('stop', { timeout: 0 }).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['parameters.app_code', 'parameters.timeout']));
  });

  it('refuses parameters that are not an object', () => {
    for (const raw of [[], 'x', 3, true]) {
      expect(errors('health', raw)).toEqual([
        { path: 'parameters', message: 'parameters must be an object' },
      ]);
    }
  });

  it('passes the parameters of a type it does not know unchanged, nulls included, up to 64 KiB', () => {
    const raw = { anything: null, nested: { x: [1, 'two'] } };
    expect(params('docker:restart:web', raw)).toStrictEqual(raw);
    expect(params('uname -a', undefined)).toStrictEqual({});
    expect(errors('echo', { big: 'x'.repeat(64 * 1024) })[0]?.path).toBe('parameters');
    expect(errors('echo', ['a'])[0]?.path).toBe('parameters');
  });

  it('lists list_containers, the fetches, the diff and the probes as read-only, the rest mutating', () => {
    const readOnly = COMMAND_TYPES.filter((type) => getCommandSpec(type)?.readOnly);
    expect(readOnly.sort()).toEqual(
      [
        'check_connections',
        'config_diff',
        'error_summary',
        'fetch_all_configs',
        'fetch_config',
        'health',
        'list_containers',
        'logs',
        'probe_endpoints',
        'server_resources',
      ].sort(),
    );
  });
});
