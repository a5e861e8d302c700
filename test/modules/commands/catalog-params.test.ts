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
  deploy_app: [{ app_code: 'web' }, { app_code: 'web', pull: true, force_recreate: false, runtime: 'runc' }],
  remove_app: [
    { app_code: 'web' },
    { app_code: 'web', delete_config: true, remove_volumes: false, remove_image: false },
  ],
  pause: [{ app_code: 'web' }, { app_code: 'web' }],
  rebuild: [{}, {}],
  backup: [{}, {}],
};

const REQUIRES_APP_CODE = ['logs', 'restart', 'start', 'stop', 'deploy_app', 'remove_app', 'pause'];

describe('parameter defaults', () => {
  it('has a row for every catalog type', () => {
    expect(Object.keys(DEFAULTS).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it.each(Object.entries(DEFAULTS))('%s fills its defaults', (type, [input, expected]) => {
    expect(params(type, input)).toStrictEqual(expected);
  });

  it.each(Object.entries(DEFAULTS))(
    '%s treats null as absent and drops unknown keys',
    (type, [input, expected]) => {
      const spec = getCommandSpec(type)!;
      const shape = Object.keys((spec.params as unknown as { shape: Record<string, unknown> }).shape);
      const nulls = Object.fromEntries(shape.filter((k) => !(k in input)).map((k) => [k, null]));
      expect(params(type, { ...input, ...nulls, surprise: 1, priority: 'high' })).toStrictEqual(expected);
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

  it('refuses an unknown type, listing the known ones', () => {
    const [error] = errors('reboot', {});
    expect(error?.path).toBe('type');
    expect(error?.message).toContain('"reboot"');
    for (const type of COMMAND_TYPES) expect(error?.message).toContain(type);
  });
});
