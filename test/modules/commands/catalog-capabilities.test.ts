import { describe, expect, it } from 'vitest';
import {
  availableCommands,
  COMMAND_TYPES,
  enqueueRefusal,
  getCommandSpec,
  hasCapability,
  missingCapabilities,
  requiredCapabilities,
} from '../../../src/modules/commands/catalog.js';

describe('hasCapability', () => {
  it.each([
    [['docker'], 'docker', true],
    [['docker=24.0.7'], 'docker', true],
    [[' logs '], 'logs', true],
    [['kata=true'], 'kata', true],
    [['kata=false'], 'kata', false],
    [['kata=0'], 'kata', false],
    [['dockerx'], 'docker', false],
    [['docker-compose'], 'docker', false],
    [['Docker'], 'docker', false],
    [[], 'docker', false],
  ])('%j has %s → %s', (caps, cap, expected) => {
    expect(hasCapability(caps, cap)).toBe(expected);
  });
});

describe('requiredCapabilities', () => {
  it('follows the catalog table', () => {
    expect(requiredCapabilities('health')).toEqual(['status_panel']);
    expect(requiredCapabilities('logs')).toEqual(['logs']);
    expect(requiredCapabilities('server_resources')).toEqual(['monitoring']);
    expect(requiredCapabilities('restart')).toEqual(['docker']);
    expect(requiredCapabilities('pause')).toEqual(['docker', 'pause']);
    expect(requiredCapabilities('rebuild')).toEqual(['compose', 'rebuild']);
    expect(requiredCapabilities('backup')).toEqual(['backup']);
    expect(requiredCapabilities('reboot')).toEqual([]);
  });

  it('adds kata for a kata deployment only', () => {
    expect(requiredCapabilities('deploy_app', { app_code: 'web', runtime: 'runc' })).toEqual(['docker']);
    expect(requiredCapabilities('deploy_app', { app_code: 'web', runtime: 'kata' })).toEqual([
      'docker',
      'kata',
    ]);
    expect(missingCapabilities(['docker'], 'deploy_app', { runtime: 'kata' })).toEqual(['kata']);
    expect(missingCapabilities(['docker', 'kata=1'], 'deploy_app', { runtime: 'kata' })).toEqual([]);
  });

  it('needs both capabilities of a pair', () => {
    expect(missingCapabilities(['docker', 'compose'], 'pause')).toEqual(['pause']);
    expect(missingCapabilities(['docker', 'compose'], 'rebuild')).toEqual(['rebuild']);
    expect(missingCapabilities(['rebuild'], 'rebuild')).toEqual(['compose']);
  });
});

describe('availableCommands', () => {
  it('lists what a v0.2.x agent can run, in catalog order, without pause/rebuild/backup', () => {
    const commands = availableCommands(['docker', 'compose', 'logs', 'monitoring', 'status_panel']);
    expect(commands.map((c) => c.command_type)).toEqual([
      'health',
      'logs',
      'list_containers',
      'server_resources',
      'error_summary',
      'restart',
      'start',
      'stop',
      'deploy_app',
      'remove_app',
      'deploy_with_configs',
      'fetch_config',
      'apply_config',
      'fetch_all_configs',
      'config_diff',
      'configure_proxy',
      'configure_firewall',
      'probe_endpoints',
      'check_connections',
      'exec',
    ]);
    expect(commands.find((c) => c.command_type === 'restart')).toEqual({
      command_type: 'restart',
      label: 'Restart',
      icon: 'fas fa-redo',
      scope: 'container',
      requires: 'docker',
    });
  });

  it('joins paired requirements with a comma', () => {
    const commands = availableCommands(['docker', 'pause', 'compose', 'rebuild']);
    expect(commands.find((c) => c.command_type === 'pause')?.requires).toBe('docker,pause');
    expect(commands.find((c) => c.command_type === 'rebuild')?.requires).toBe('compose,rebuild');
  });

  it('is empty for an agent without capabilities', () => {
    expect(availableCommands([])).toEqual([]);
  });
});

describe('catalog entries', () => {
  const READ_ONLY = [
    'health',
    'logs',
    'list_containers',
    'server_resources',
    'error_summary',
    'fetch_config',
    'fetch_all_configs',
    'config_diff',
    'probe_endpoints',
    'check_connections',
  ];
  const SECRETS: Record<string, string[]> = {
    deploy_app: ['env_vars', 'compose_content', 'registry_auth'],
    deploy_with_configs: ['registry_auth'],
    apply_config: ['config_content'],
    configure_proxy: ['npm_password'],
  };

  it.each([...COMMAND_TYPES])('%s has a label, an icon and a scope', (type) => {
    const spec = getCommandSpec(type)!;
    expect(spec.type).toBe(type);
    expect(spec.label).not.toBe('');
    expect(spec.icon).toMatch(/^fas fa-[a-z-]+$/);
    expect(['container', 'deployment']).toContain(spec.scope);
    expect(spec.readOnly).toBe(READ_ONLY.includes(type));
  });

  it('marks the credential-bearing parameters as secret, and no others', () => {
    for (const type of COMMAND_TYPES) expect(getCommandSpec(type)!.secretParams).toEqual(SECRETS[type] ?? []);
  });

  it('knows no other type', () => {
    expect(getCommandSpec('reboot')).toBeUndefined();
    expect(getCommandSpec('toString')).toBeUndefined();
  });
});

describe('enqueueRefusal: only where the agent would certainly fail', () => {
  const refused = (
    caps: string[],
    type: string,
    params: Record<string, unknown> = {},
    mode = 'warn' as const,
  ) => enqueueRefusal(caps, type, params, mode).missing;

  it('queues any other type for no agent or an agent without its `requires`', () => {
    for (const type of ['list_containers', 'health', 'restart', 'deploy_app', 'exec', 'docker:stop:web']) {
      expect(refused([], type)).toEqual([]);
    }
  });

  it('refuses pause, rebuild and backup without their own capability', () => {
    expect(refused(['docker'], 'pause')).toEqual(['pause']);
    expect(refused(['compose'], 'rebuild')).toEqual(['rebuild']);
    expect(refused([], 'backup')).toEqual(['backup']);
    expect(refused(['docker', 'pause'], 'pause')).toEqual([]);
  });

  it('refuses a kata runtime without kata and the pipe types without pipes', () => {
    expect(refused(['docker'], 'deploy_app', { runtime: 'kata' })).toEqual(['kata']);
    expect(refused(['docker'], 'deploy_with_configs', { runtime: 'kata' })).toEqual(['kata']);
    expect(refused(['docker'], 'deploy_app', { runtime: 'runc' })).toEqual([]);
    for (const type of ['activate_pipe', 'deactivate_pipe', 'trigger_pipe']) {
      expect(refused(['docker'], type)).toEqual(['pipes']);
      expect(refused(['pipes'], type)).toEqual([]);
    }
  });

  it('refuses configure_proxy without vault credentials only in enforce mode, else flags it', () => {
    expect(enqueueRefusal(['docker'], 'configure_proxy', {}, 'warn')).toEqual({
      missing: [],
      proxyUnverified: true,
    });
    expect(refused(['docker'], 'configure_proxy', {}, 'enforce' as 'warn')).toEqual([
      'npm_credential_source=vault',
    ]);
    expect(enqueueRefusal(['npm_credential_source=vault'], 'configure_proxy', {}, 'enforce')).toEqual({
      missing: [],
      proxyUnverified: false,
    });
  });
});
